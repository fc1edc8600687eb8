// One page of the events an entity is involved in: took part in (actors), happened at (places, countries), is
// about (topics), produced (agreements); oldest first, undated last, $limit from $offset, as event maps
// (cypher/fragments/event.cypher), one row each with the total. A page past the end is one row without an event,
// so the total still comes back.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[:PARTICIPATED_IN]->(e:Event) RETURN e
  UNION
  MATCH (e:Event)-[:AT|ABOUT|PRODUCED]->(n) RETURN e
}
WITH e ORDER BY e.dateStart, e.id
WITH collect(e) AS events
WITH size(events) AS total, events[$offset..($offset + $limit)] AS page
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS e
RETURN total, CASE WHEN e IS NULL THEN null ELSE {{event(e)}} END AS event
