// Counts of nodes per label and relationships per type, for import summaries and /api/stats.
CALL () {
  MATCH (n) UNWIND labels(n) AS label RETURN label AS name, count(*) AS count, 'label' AS what
  UNION ALL
  MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count, 'type' AS what
}
RETURN what, name, count ORDER BY what, name
