// Shortest walkable paths between two entities through events, searched with the restriction inside the search:
// what path.cypher falls back to when every shortest path it found runs through a subject's or reporter's link or
// a rejected event. {{max}} is an integer checked by the route's schema.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN*..{{max}}]-(b))
WHERE all(r IN relationships(p) WHERE NOT coalesce(r.role, 'participant') IN ['subject', 'reporter'])
  AND all(x IN nodes(p) WHERE coalesce(x.status, 'accepted') <> 'rejected' OR NOT x:Event)
WITH p LIMIT $limit
RETURN [x IN nodes(p) | x.id] AS ids,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, role: r.role}] AS links
