// Creates typed links between entities; {{type}} is replaced by a relationship type from a closed list.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:{{type}}]->(b)
SET r += row.properties
RETURN count(r) AS count
