// Staged import: roles of staged persons in staged holders (same keys and fields as queries/ingest/roles).
// Seek hints: Neo4j samples the staging index only now and then, and a plan made while it still looked empty scans
// the whole index for every row (seen: stalls of one to two minutes). `USING INDEX` allows that scan; `SEEK` does not.
UNWIND $rows AS row
MATCH (p:Staged {id: row.person}) USING INDEX SEEK p:Staged(id)
MATCH (o:Staged {id: row.of}) USING INDEX SEEK o:Staged(id)
MERGE (p)-[r:HOLDS_ROLE {title: row.title}]->(o)
SET r.knownFrom = coalesce(r.knownFrom, datetime()), r.since = row.since, r.until = row.until, r.asOf = row.asOf,
    r.evidence = reduce(ids = coalesce(r.evidence, []), e IN row.evidence | CASE WHEN e IN ids THEN ids ELSE ids + e END)
WITH p, collect(r.title) AS _
CALL (p) {
  MATCH (p)-[r:HOLDS_ROLE]->()
  // Sorted, so the same roles always give the same text whatever order the links are stored in.
  WITH r.title AS title ORDER BY title
  WITH collect(DISTINCT title) AS titles
  SET p.titleText = reduce(s = '', t IN titles | s + ' ' + t)
}
RETURN count(p) AS count
