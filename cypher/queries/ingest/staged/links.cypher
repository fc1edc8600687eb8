// Staged import: links between two staged entities; {{type}} is from the writer's closed list. The rows are
// distinct (planImport) and both ends are new, so the link cannot exist yet: CREATE, not MERGE. A participation's
// role is the only link property (null, so not stored, elsewhere); naming it spares an eager pass over each batch.
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
MATCH (a:Staged {id: row.source}) USING INDEX SEEK a:Staged(id)
MATCH (b:Staged {id: row.target}) USING INDEX SEEK b:Staged(id)
CREATE (a)-[r:{{type}} {role: row.role, knownFrom: datetime()}]->(b)
RETURN count(r) AS count
