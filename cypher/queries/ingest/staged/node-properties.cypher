// Staged import: the free properties of staged entities that have any (without the keys the writer sets itself,
// which win, as they do in a one-transaction load).
// Index hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty
// would scan every staged node per row (seen: two-minute stalls until the next replan).
UNWIND $rows AS row
MATCH (n:Staged {id: row.id}) USING INDEX n:Staged(id)
SET n += row.properties
RETURN count(n) AS count
