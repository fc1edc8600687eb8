// Reports (an article's extracted events) the graph has seen before: whether an event of that id exists, and the
// event an earlier load joined it to. Loading the same article again lands where it landed the first time.
UNWIND $reports AS report
OPTIONAL MATCH (self:Event {id: report.id})
OPTIONAL MATCH (:Article {id: report.article})<-[link:REPORTED_BY]-(joined:Event)
  WHERE report.id IN coalesce(link.reportIds, [])
WITH report, self, head(collect(joined {.id, .name})) AS target
RETURN report.id AS id, self IS NOT NULL AS exists, target.id AS target, target.name AS targetName
