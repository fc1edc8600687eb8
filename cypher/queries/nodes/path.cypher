// Shortest paths between two entities through events (actor–event–actor…), at most {{max}} hops; {{max}} is an
// integer checked by the route's schema. Only walkable paths count (cypher/fragments/walkable.cypher); each comes
// back as cypher/fragments/path.cypher.
// The search itself is unrestricted (reading a role and a status at every step of a breadth-first search through
// hubs doubled its time), and the walkable ones are kept: when there is one, they are exactly the shortest walkable
// paths. `found` counts the paths before that check, so the caller knows when it must search again with the
// restriction inside the search (path-walkable.cypher): only when shortest paths exist and none is walkable.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN*..{{max}}]-(b))
WITH p, {{walkable(p)}} AS walkable
WITH count(p) AS found, collect(CASE WHEN walkable THEN p END)[..$limit] AS paths
RETURN found, [p IN paths | {{path(p)}}] AS paths
