// Staged import: the free properties of staged entities that have any (without the keys the writer sets itself,
// which win, as they do in a one-transaction load).
UNWIND $rows AS row
MATCH (n:Staged {id: row.id})
SET n += row.properties
RETURN count(n) AS count
