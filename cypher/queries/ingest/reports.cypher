// Records which article reports which event (REPORTED_BY): how the report came to the event, why it was joined,
// and what the article itself says (date, place, participants), so disagreements stay visible. A link met again
// (the same article loaded twice) only gains the report id; an event that had no date takes a joined report's.
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MATCH (a:Article {id: row.article})
MERGE (e)-[link:REPORTED_BY]->(a)
ON CREATE SET link = row.props
ON MATCH SET link.reportIds = reduce(ids = coalesce(link.reportIds, []), id IN row.props.reportIds |
  CASE WHEN id IN ids THEN ids ELSE ids + id END)
WITH e, row
CALL (e, row) {
  WITH e, row
  WHERE row.fillDate IS NOT NULL AND e.date IS NULL
  SET e.date = row.fillDate.date, e.datePrecision = row.fillDate.precision,
      e.dateStart = date(row.fillDate.start), e.dateEnd = date(row.fillDate.end)
}
RETURN count(*) AS count
