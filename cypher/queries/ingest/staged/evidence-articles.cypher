// Staged import: the link from each new evidence span (staged/evidence) to its staged article. The writer groups
// the rows by article: an article is a dense node (a few thousand citations), and transactions that run at once
// then share at most one of them.
UNWIND $rows AS row
MATCH (ev:Staged {id: row.id})
WHERE ev:StagedEvidence
MATCH (article:Staged {id: row.article})
WHERE NOT article:StagedEvidence
CREATE (ev)-[r:IN_ARTICLE]->(article)
RETURN count(r) AS count
