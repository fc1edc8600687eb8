// Reports (an article's extracted events) the graph has seen before: whether an event of that id exists, the event
// an earlier load joined it to, and the spans of that article the event already cites (keys `paragraph|start|end`).
// Loading the same article again lands where it landed the first time and adds no second copy of a quote, even
// when curation has since moved the report to another event (a split keeps the evidence's ids).
UNWIND $reports AS report
OPTIONAL MATCH (self:Event {id: report.id})
OPTIONAL MATCH (:Article {id: report.article})<-[link:REPORTED_BY]-(joined:Event)
  WHERE report.id IN coalesce(link.reportIds, [])
WITH report, self, head(collect(joined {.id, .name})) AS target
OPTIONAL MATCH (:Event {id: target.id})-[:EVIDENCED_BY]->(ev:Evidence {article: report.article})
WITH report, self, target,
     collect(CASE WHEN ev IS NOT NULL THEN
       coalesce(toString(toInteger(ev.paragraph)), '') + '|' + coalesce(toString(toInteger(ev.start)), '') + '|' +
       coalesce(toString(toInteger(ev.end)), '') END) AS cited
RETURN report.id AS id, self IS NOT NULL AS exists, target.id AS target, target.name AS targetName, cited
