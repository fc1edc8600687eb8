// Events by id with everything an EventDto shows: place, topics, participants and their roles, agreements produced
// and the evidence citing the event (ids, and the citation rows with their article's metadata); oldest first
// (undated last).
UNWIND $ids AS id
MATCH (e:Event {id: id})
// The citations themselves (span and article metadata, not the text), so they cost no second round trip; the
// evidence ids are read off them rather than by expanding EVIDENCED_BY a second time.
WITH e, [(e)-[:EVIDENCED_BY]->(ev:Evidence) |
         ev {.id, .paragraph, .start, .end, .by, status: coalesce(ev.status, 'accepted'),
             article: head([(ev)-[:IN_ARTICLE]->(a:Article) |
                            a {.id, .title, .publisher, .published, .url, hasText: a.text IS NOT NULL}])}] AS citations
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.date AS date, e.datePrecision AS datePrecision,
       e.summary AS summary, toString(e.dateStart) AS dateStart,
       head([(e)-[:AT]->(p:Entity) | p {.id, .name, .type, .kind}]) AS place,
       [(e)-[:ABOUT]->(t:Topic) | t {.id, .name, .type, .kind}] AS topics,
       [(a:Entity)-[r:PARTICIPATED_IN]->(e) | a {.id, .name, .type, .kind, role: r.role}] AS participants,
       [(e)-[:PRODUCED]->(g:Agreement) | g {.id, .name, .type, .kind}] AS agreements,
       [c IN citations | c.id] AS evidence, citations
ORDER BY e.dateStart, e.id
