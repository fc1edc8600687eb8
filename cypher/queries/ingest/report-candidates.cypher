// Events that may be the meeting a new report tells of: encounters of one of the given kinds with exactly the
// report's participants (same set, no more), near the report's dates, not rejected and not restated by the load
// itself. The caller checks the date window and places. Undated events bring the earliest publication date of the articles citing them.
UNWIND $reports AS report
MATCH (:Entity {id: report.participants[0]})-[:PARTICIPATED_IN]->(e:Event)
// Dates first: an actor of many meetings has few near the report's window ($first..$last, a day wider than it).
WHERE (e.dateStart IS NULL OR (e.dateStart <= date(report.last) AND coalesce(e.dateEnd, e.dateStart) >= date(report.first)))
  AND e.kind IN report.kinds AND coalesce(e.status, 'accepted') <> 'rejected' AND NOT e.id IN $loaded
  AND COUNT { (:Entity)-[:PARTICIPATED_IN]->(e) } = size(report.participants)
  AND all(p IN report.participants WHERE EXISTS { (:Entity {id: p})-[:PARTICIPATED_IN]->(e) })
WITH report, e,
     [(e)-[:EVIDENCED_BY]->(:Evidence)-[:IN_ARTICLE]->(a:Article) WHERE a.publishedStart IS NOT NULL |
       toString(a.publishedStart)] AS published
RETURN report.id AS report, e.id AS id, e.name AS name, e.kind AS kind, e.date AS date,
       e.datePrecision AS datePrecision, head([(e)-[:AT]->(p:Entity) | p.id]) AS place,
       reduce(first = null, d IN published | CASE WHEN first IS NULL OR d < first THEN d ELSE first END) AS published
ORDER BY report, id
