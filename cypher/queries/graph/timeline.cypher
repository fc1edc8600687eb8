// Events per month within the explorer's filters (the same ones as /api/graph): time window, event kinds, topics,
// and, when actor filters are set, at least one participant that passes them (type or kind, country, role).
// Day- and month-precise events count in their month; year-precise ones per year; undated ones apart.
MATCH (e:Event)
WHERE coalesce(e.status, 'accepted') <> 'rejected'
  AND ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
  AND ($to IS NULL OR e.dateStart <= date($to))
  AND ($eventKinds IS NULL OR e.kind IN $eventKinds)
  AND ($topics IS NULL OR EXISTS { MATCH (e)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })
  AND ($kinds IS NULL AND $countries IS NULL AND $roles IS NULL OR EXISTS {
        MATCH (a:Entity)-[p:PARTICIPATED_IN]->(e)
        WHERE ($kinds IS NULL OR a.type IN $kinds OR a.kind IN $kinds)
          AND ($roles IS NULL OR coalesce(p.role, 'participant') IN $roles)
          AND ($countries IS NULL OR (a:Country AND a.id IN $countries)
               OR EXISTS { MATCH (a)-[:IN_COUNTRY|HOLDS_ROLE|PART_OF*1..2]->(c:Country) WHERE c.id IN $countries })
      })
WITH CASE
       WHEN e.dateStart IS NULL THEN 'undated'
       WHEN e.datePrecision = 'year' THEN 'year'
       ELSE 'month'
     END AS precision,
     CASE
       WHEN e.dateStart IS NULL THEN null
       WHEN e.datePrecision = 'year' THEN substring(toString(e.dateStart), 0, 4)
       ELSE substring(toString(e.dateStart), 0, 7)
     END AS bucket
RETURN precision, bucket, count(*) AS count
ORDER BY precision, bucket
