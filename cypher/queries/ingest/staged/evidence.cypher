// Staged import: new evidence spans supporting staged entities or quantities, each created with its link from the
// subject (the link to its article is staged next, by staged/evidence-articles). Their ids are new and distinct
// (checked by the writer), so they are created, not merged, in one CREATE; the matched subject is never evidence,
// which Neo4j needs to be told not to buffer each batch. The writer groups the rows by subject, so transactions
// that run at once share at most one subject.
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
MATCH (subject:Staged {id: row.subject}) USING INDEX SEEK subject:Staged(id)
WHERE NOT subject:StagedEvidence
CREATE (subject)-[:EVIDENCED_BY]->(ev:Staged:StagedEvidence {
  id: row.id, status: 'accepted', createdAt: datetime(), article: row.article, paragraph: row.paragraph,
  start: row.start, end: row.end, by: row.by, note: row.note, subject: row.subject
})
RETURN count(ev) AS count
