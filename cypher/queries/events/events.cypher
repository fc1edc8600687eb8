// Events by id with everything an EventDto shows: place, topics, participants and their roles, agreements produced
// and the ids of the evidence citing the event; oldest first (undated last).
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.date AS date, e.datePrecision AS datePrecision,
       e.summary AS summary, toString(e.dateStart) AS dateStart,
       head([(e)-[:AT]->(p:Entity) | p {.id, .name, .type, .kind}]) AS place,
       [(e)-[:ABOUT]->(t:Topic) | t {.id, .name, .type, .kind}] AS topics,
       [(a:Entity)-[r:PARTICIPATED_IN]->(e) | a {.id, .name, .type, .kind, role: r.role}] AS participants,
       [(e)-[:PRODUCED]->(g:Agreement) | g {.id, .name, .type, .kind}] AS agreements,
       [(e)-[:EVIDENCED_BY]->(ev:Evidence) | ev.id] AS evidence
ORDER BY e.dateStart, e.id
