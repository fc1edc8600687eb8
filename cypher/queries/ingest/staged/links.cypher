// Staged import: links between two staged entities; {{type}} is from the writer's closed list. The rows are
// distinct (merged by the writer) and both ends are new, so the link cannot exist yet: CREATE, not MERGE.
UNWIND $rows AS row
MATCH (a:Staged {id: row.source})
MATCH (b:Staged {id: row.target})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.properties
RETURN count(r) AS count
