// Staged import: links between two staged entities; {{type}} is from the writer's closed list. The rows are
// distinct (planImport) and both ends are new, so the link cannot exist yet: CREATE, not MERGE. A participation's
// role is the only link property (null, so not stored, elsewhere); naming it spares an eager pass over each batch.
// Index hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty
// would scan every staged node per row (seen: two-minute stalls until the next replan).
UNWIND $rows AS row
MATCH (a:Staged {id: row.source}) USING INDEX a:Staged(id)
MATCH (b:Staged {id: row.target}) USING INDEX b:Staged(id)
CREATE (a)-[r:{{type}} {role: row.role}]->(b)
RETURN count(r) AS count
