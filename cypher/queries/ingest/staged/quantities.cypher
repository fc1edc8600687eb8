// Staged import: new quantities about staged entities.
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
CREATE (q:Staged:StagedQuantity)
SET q.id = row.id, q.measure = row.measure, q.value = row.value, q.unit = row.unit, q.period = row.period,
    q.note = row.note
WITH q, row
UNWIND row.about AS target
MATCH (t:Staged {id: target}) USING INDEX SEEK t:Staged(id)
MERGE (q)-[:ABOUT]->(t)
RETURN count(DISTINCT q) AS count
