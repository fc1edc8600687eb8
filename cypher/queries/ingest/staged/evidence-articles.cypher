// Staged import: the link from each new evidence span (staged/evidence) to its staged article. The writer groups
// the rows by article: an article is a dense node (a few thousand citations), and transactions that run at once
// then share at most one of them.
// Index hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty
// would scan every staged node per row (seen: two-minute stalls until the next replan).
UNWIND $rows AS row
MATCH (ev:Staged {id: row.id}) USING INDEX ev:Staged(id)
WHERE ev:StagedEvidence
MATCH (article:Staged {id: row.article}) USING INDEX article:Staged(id)
WHERE NOT article:StagedEvidence
CREATE (ev)-[r:IN_ARTICLE]->(article)
RETURN count(r) AS count
