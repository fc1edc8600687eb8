// Upserts evidence spans and links each to its article and to what it supports (an entity or a quantity).
// Evidence accumulates across loads; it is never removed by a reload, only annotated. The events and agreements
// cited get their stored evidence rank again (cypher/fragments/evidence-rank.cypher). Returns the participants of
// events that gained a citation: the evidence count stored on their MET links changes.
UNWIND $rows AS row
MATCH (article:Article {id: row.article})
MERGE (ev:Evidence {id: row.id})
ON CREATE SET ev.status = 'accepted', ev.createdAt = datetime()
SET ev.article = row.article, ev.paragraph = row.paragraph, ev.start = row.start, ev.end = row.end,
    ev.by = row.by, ev.note = row.note, ev.subject = row.subject
MERGE (ev)-[:IN_ARTICLE]->(article)
WITH ev, row
OPTIONAL MATCH (entity:Entity {id: row.subject})
OPTIONAL MATCH (quantity:Quantity {id: row.subject})
WITH ev, coalesce(entity, quantity) AS subject
WHERE subject IS NOT NULL
WITH ev, subject, subject:Event AND NOT EXISTS { (subject)-[:EVIDENCED_BY]->(ev) } AS citesEventAnew
MERGE (subject)-[:EVIDENCED_BY]->(ev)
WITH collect(DISTINCT subject) AS subjects, collect(DISTINCT CASE WHEN citesEventAnew THEN subject END) AS cited
CALL (subjects) {
  UNWIND subjects AS cites
  WITH cites WHERE cites:Event OR cites:Agreement
  SET cites.evidenceRank = {{evidence-rank(cites)}}
}
UNWIND cited AS subject
MATCH (actor:Entity)-[:PARTICIPATED_IN]->(subject)
RETURN DISTINCT actor.id AS actor
