// Staged import: links between two staged entities; {{type}} is from the writer's closed list. The rows are
// distinct (planImport) and both ends are new, so the link cannot exist yet: CREATE, not MERGE. A participation's
// role is the only link property (null, so not stored, elsewhere); naming it spares an eager pass over each batch.
UNWIND $rows AS row
MATCH (a:Staged {id: row.source})
MATCH (b:Staged {id: row.target})
CREATE (a)-[r:{{type}} {role: row.role}]->(b)
RETURN count(r) AS count
