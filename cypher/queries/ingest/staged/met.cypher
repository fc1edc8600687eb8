// Staged import: MET links between two staged actors that meet only in events of this file, computed by the writer
// from the file (ingest/import.staged-met.ts) exactly as queries/ingest/refresh-met-build computes them from the graph
// (JavaScript numbers arrive as floats: the counts are made integers here).
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
MATCH (x:Staged {id: row.x}) USING INDEX SEEK x:Staged(id)
MATCH (y:Staged {id: row.y}) USING INDEX SEEK y:Staged(id)
CREATE (x)-[m:MET]->(y)
SET m.count = toInteger(row.count), m.events = row.events, m.topics = row.topics, m.evidence = toInteger(row.evidence),
    m.first = CASE WHEN row.first IS NULL THEN null ELSE date(row.first) END,
    m.last = CASE WHEN row.last IS NULL THEN null ELSE date(row.last) END
RETURN count(m) AS count
