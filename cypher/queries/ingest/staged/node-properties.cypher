// Staged import: the free properties of staged entities that have any (without the keys the writer sets itself,
// which win, as they do in a one-transaction load).
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
MATCH (n:Staged {id: row.id}) USING INDEX SEEK n:Staged(id)
SET n += row.properties
RETURN count(n) AS count
