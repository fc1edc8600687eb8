// Second pass of the import's MET refresh: rebuilds the MET links of a batch of marked actors from the encounter
// events they took part in. A pair of two marked actors is built by its smaller id only, so no pair is built (and
// then deleted and rebuilt by a later batch) twice. A MET link runs from the smaller id to the larger.
UNWIND $actors AS actorId
MATCH (a:Entity {id: actorId})
MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Entity)
WHERE e.kind IN $encounterKinds AND coalesce(e.status, 'accepted') <> 'rejected' AND a <> b
  AND (coalesce(b.metRefresh, '') <> $stamp OR a.id < b.id)
WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, e
// Sorted lists, so the same data always gives the same projection (backups and reverts compare byte for byte).
ORDER BY e.dateStart, e.id
WITH x, y, collect(DISTINCT e) AS events
UNWIND events AS e
OPTIONAL MATCH (e)-[:ABOUT]->(t:Topic)
WITH x, y, events, t ORDER BY t.id
WITH x, y, events, collect(DISTINCT t.id) AS topics
WITH x, y, topics, [e IN events WHERE e.dateStart IS NOT NULL | e.dateStart] AS dates, [e IN events | e.id] AS eventIds,
     reduce(s = 0, n IN [e IN events | COUNT { (e)-[:EVIDENCED_BY]->() }] | s + n) AS evidence
MERGE (x)-[m:MET]->(y)
// evidence: citations of the shared events, so a neighbours page can order a hub's partners without reading them.
SET m.count = size(eventIds), m.events = eventIds, m.topics = topics, m.evidence = evidence,
    m.first = CASE WHEN size(dates) = 0 THEN null ELSE reduce(d = dates[0], v IN dates | CASE WHEN v < d THEN v ELSE d END) END,
    m.last = CASE WHEN size(dates) = 0 THEN null ELSE reduce(d = dates[0], v IN dates | CASE WHEN v > d THEN v ELSE d END) END
RETURN count(m) AS count
