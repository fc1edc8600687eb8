// Ids of the encounter events (meetings, visits, talks, …) in which both actors took part, oldest first.
MATCH (a:Entity {id: $source})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Entity {id: $target})
WHERE e.kind IN $encounterKinds AND coalesce(e.status, 'accepted') <> 'rejected'
RETURN DISTINCT e.id AS id, e.dateStart AS dateStart
ORDER BY dateStart, id
LIMIT $limit
