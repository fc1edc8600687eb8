// Shortest paths between two entities through events (actor–event–actor…), at most {{max}} hops; {{max}} is an
// integer checked by the route's schema. Subjects and reporters of an event did not take part in it, and a rejected
// event did not happen, so paths through them are not walkable. Each path comes back as its node ids and the
// participation roles along it.
// The search itself is unrestricted (reading a role and a status at every step of a breadth-first search through
// hubs doubled its time), and the walkable ones are kept: when there is one, they are exactly the shortest walkable
// paths. `found` counts the paths before that check, so the caller knows when it must search again with the
// restriction inside the search (path-walkable.cypher): only when shortest paths exist and none is walkable.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN*..{{max}}]-(b))
WITH p, all(r IN relationships(p) WHERE NOT coalesce(r.role, 'participant') IN ['subject', 'reporter'])
        AND all(x IN nodes(p) WHERE coalesce(x.status, 'accepted') <> 'rejected' OR NOT x:Event) AS walkable
WITH count(p) AS found, collect(CASE WHEN walkable THEN p END)[..$limit] AS paths
RETURN found, [p IN paths | {
  ids: [x IN nodes(p) | x.id],
  links: [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, role: r.role}]
}] AS paths
