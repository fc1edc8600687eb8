// Shortest paths between two entities through events (actor–event–actor…), at most {{max}} hops; {{max}} is an
// integer checked by the route's schema. Subjects and reporters of an event did not take part in it, so their
// links are not walked. Each path comes back as its node ids and the participation roles along it.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN*..{{max}}]-(b))
WHERE all(r IN relationships(p) WHERE NOT coalesce(r.role, 'participant') IN ['subject', 'reporter'])
  AND all(x IN nodes(p) WHERE coalesce(x.status, 'accepted') <> 'rejected' OR NOT x:Event)
WITH p LIMIT $limit
RETURN [x IN nodes(p) | x.id] AS ids,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, role: r.role}] AS links
