// Creates typed links between entities; {{type}} is replaced by a relationship type from a closed list. A
// participation's role is the only link property (null elsewhere). Setting that one key, rather than a map of
// unknown keys, spares the statement an eager pass over each batch.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:{{type}}]->(b)
SET r.role = row.role,
    // A link a re-import states afresh keeps the time it was first learned (row.knownFrom, import.repository.ts).
    r.knownFrom = coalesce(r.knownFrom, datetime(row.knownFrom), datetime())
RETURN count(r) AS count
