// Recomputes the who-met-whom projection for the given actors only: their MET links are dropped and rebuilt from
// the encounter events they took part in. A MET link runs from the smaller id to the larger.
UNWIND $actors AS actorId
MATCH (a:Entity {id: actorId})
CALL (a) {
  OPTIONAL MATCH (a)-[m:MET]-()
  DELETE m
}
WITH collect(a) AS actors
UNWIND actors AS a
MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Entity)
WHERE e.kind IN $encounterKinds AND coalesce(e.status, 'accepted') <> 'rejected' AND a <> b
WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, e
WITH x, y, collect(DISTINCT e) AS events
UNWIND events AS e
OPTIONAL MATCH (e)-[:ABOUT]->(t:Topic)
WITH x, y, events, collect(DISTINCT t.id) AS topics
WITH x, y, topics, [e IN events WHERE e.dateStart IS NOT NULL | e.dateStart] AS dates, [e IN events | e.id] AS eventIds
MERGE (x)-[m:MET]->(y)
SET m.count = size(eventIds), m.events = eventIds, m.topics = topics,
    m.first = CASE WHEN size(dates) = 0 THEN null ELSE reduce(d = dates[0], v IN dates | CASE WHEN v < d THEN v ELSE d END) END,
    m.last = CASE WHEN size(dates) = 0 THEN null ELSE reduce(d = dates[0], v IN dates | CASE WHEN v > d THEN v ELSE d END) END
RETURN count(m) AS count
