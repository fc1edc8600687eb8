// Staged import: the link from each new evidence span (staged/evidence) to its staged article. The writer groups
// the rows by article: an article is a dense node (a few thousand citations), and transactions that run at once
// then share at most one of them.
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
MATCH (ev:Staged {id: row.id}) USING INDEX SEEK ev:Staged(id)
WHERE ev:StagedEvidence
MATCH (article:Staged {id: row.article}) USING INDEX SEEK article:Staged(id)
WHERE NOT article:StagedEvidence
CREATE (ev)-[r:IN_ARTICLE]->(article)
RETURN count(r) AS count
