// Restore: evidence exactly as backed up (ids, review status), linked to its article and to what cites it; the
// events and agreements cited get their stored evidence rank again (cypher/fragments/evidence-rank.cypher).
UNWIND $rows AS row
MATCH (article:Article {id: row.props.article})
CREATE (ev:Evidence)
SET ev = row.props
SET ev.createdAt = CASE WHEN row.createdAt IS NULL THEN null ELSE datetime(row.createdAt) END
CREATE (ev)-[:IN_ARTICLE]->(article)
WITH ev, row
CALL (ev, row) {
  UNWIND row.subjects AS s
  OPTIONAL MATCH (e:Entity {id: s.id}) WHERE s.label = 'Entity'
  OPTIONAL MATCH (q:Quantity {id: s.id}) WHERE s.label = 'Quantity'
  WITH coalesce(e, q) AS subject WHERE subject IS NOT NULL
  CREATE (subject)-[:EVIDENCED_BY]->(ev)
  RETURN collect(subject) AS subjects
}
WITH collect(ev) AS restored, reduce(all = [], s IN collect(subjects) | all + s) AS subjects
CALL (subjects) {
  UNWIND subjects AS cites
  WITH DISTINCT cites WHERE cites:Event OR cites:Agreement
  SET cites.evidenceRank = {{evidence-rank(cites)}}
}
RETURN size(restored) AS count
