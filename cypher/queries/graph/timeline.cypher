// Events per month within the explorer's filters (the same ones as /api/graph): time window, event kinds, topics,
// and, when actor filters are set, at least one participant that passes them (type or kind, country, role).
// Day- and month-precise events count in their month; year-precise ones per year; undated ones apart.
MATCH (e:Event)
WHERE {{event-filters(e)}}
  AND {{actor-filters(e)}}
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
