// Staged import: links between two staged entities of this import; {{type}} is from the writer's closed list.
UNWIND $rows AS row
MATCH (a:Staged {id: row.source, importId: $importId})
MATCH (b:Staged {id: row.target, importId: $importId})
MERGE (a)-[r:{{type}}]->(b)
SET r += row.properties
RETURN count(r) AS count
