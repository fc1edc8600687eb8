// Events that pass the explorer's filters (time window, event kinds, topics), oldest first, with their
// participants and roles, place, topics and the agreements they produced.
MATCH (e:Event)
WHERE {{event-filters(e)}}
WITH e ORDER BY e.dateStart, e.id LIMIT $maxEvents
OPTIONAL MATCH (e)-[:AT]->(place:Entity)
WITH e, head(collect(place.id)) AS place
CALL (e) {
  OPTIONAL MATCH (e)-[:ABOUT]->(topic:Topic)
  RETURN collect(DISTINCT topic.id) AS topics
}
CALL (e) {
  OPTIONAL MATCH (e)-[:PRODUCED]->(agreement:Agreement)
  RETURN collect(DISTINCT agreement.id) AS produced
}
CALL (e) {
  OPTIONAL MATCH (actor:Entity)-[p:PARTICIPATED_IN]->(e)
  WHERE actor IS NOT NULL
  RETURN collect({id: actor.id, role: p.role}) AS participants
}
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.date AS date, e.datePrecision AS datePrecision,
       toString(e.dateStart) AS dateStart, toString(e.dateEnd) AS dateEnd, place, topics, produced, participants
