// Staged import: new quantities about staged entities of this import.
UNWIND $rows AS row
MERGE (q:Staged {id: row.id, importId: $importId})
SET q.stagedLabels = 'Quantity', q.measure = row.measure, q.value = row.value, q.unit = row.unit,
    q.period = row.period, q.note = row.note
WITH q, row
UNWIND row.about AS target
MATCH (t:Staged {id: target, importId: $importId})
MERGE (q)-[:ABOUT]->(t)
RETURN count(DISTINCT q) AS count
