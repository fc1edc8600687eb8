// Upserts a person's role in a government, organisation or country, keyed by person, title and holder.
UNWIND $rows AS row
MATCH (p:Entity {id: row.person})
MATCH (o:Entity {id: row.of})
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
