// Shortest walkable paths between two entities through events, searched with the restriction inside the search:
// what path.cypher falls back to when every shortest path it found runs through a subject's or reporter's link or
// a rejected event. {{max}} is an integer checked by the route's schema.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN*..{{max}}]-(b))
WHERE {{walkable(p)}}
WITH p LIMIT $limit
RETURN {{path(p)}} AS path
