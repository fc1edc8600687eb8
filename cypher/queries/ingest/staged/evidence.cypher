// Staged import: new evidence spans in staged articles, supporting staged entities or quantities. Their ids are
// new and distinct (checked by the writer), so they and their two links are created, not merged, in one CREATE;
// the matched ends are never evidence, which Neo4j needs to be told not to buffer each batch.
UNWIND $rows AS row
MATCH (article:Staged {id: row.article})
WHERE NOT article:StagedEvidence
MATCH (subject:Staged {id: row.subject})
WHERE NOT subject:StagedEvidence
CREATE (subject)-[:EVIDENCED_BY]->(ev:Staged:StagedEvidence {
  id: row.id, status: 'accepted', createdAt: datetime(), article: row.article, paragraph: row.paragraph,
  start: row.start, end: row.end, by: row.by, note: row.note, subject: row.subject
})-[:IN_ARTICLE]->(article)
RETURN count(ev) AS count
