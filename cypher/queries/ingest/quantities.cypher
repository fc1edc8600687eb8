// Upserts quantities (figures with units) and what they are about.
UNWIND $rows AS row
MERGE (q:Quantity {id: row.id})
SET q.measure = row.measure, q.value = row.value, q.unit = row.unit, q.period = row.period, q.note = row.note
WITH q, row
CALL (q, row) {
  OPTIONAL MATCH (q)-[old:ABOUT]->()
  DELETE old
}
WITH q, row
UNWIND row.about AS target
MATCH (t:Entity {id: target})
MERGE (q)-[:ABOUT]->(t)
RETURN count(DISTINCT q) AS count
