// Staged import: new quantities about staged entities.
UNWIND $rows AS row
CREATE (q:Staged:StagedQuantity)
SET q.id = row.id, q.measure = row.measure, q.value = row.value, q.unit = row.unit, q.period = row.period,
    q.note = row.note
WITH q, row
UNWIND row.about AS target
MATCH (t:Staged {id: target})
MERGE (q)-[:ABOUT]->(t)
RETURN count(DISTINCT q) AS count
