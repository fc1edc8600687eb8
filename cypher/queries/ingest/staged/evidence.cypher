// Staged import: new evidence spans supporting staged entities or quantities, each created with its link from the
// subject (the link to its article is staged next, by staged/evidence-articles). Their ids are new and distinct
// (checked by the writer), so they are created, not merged, in one CREATE; the matched subject is never evidence,
// which Neo4j needs to be told not to buffer each batch. The writer groups the rows by subject, so transactions
// that run at once share at most one subject.
UNWIND $rows AS row
MATCH (subject:Staged {id: row.subject})
WHERE NOT subject:StagedEvidence
CREATE (subject)-[:EVIDENCED_BY]->(ev:Staged:StagedEvidence {
  id: row.id, status: 'accepted', createdAt: datetime(), article: row.article, paragraph: row.paragraph,
  start: row.start, end: row.end, by: row.by, note: row.note, subject: row.subject
})
RETURN count(ev) AS count
