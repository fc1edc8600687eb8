// Counts of nodes per label and relationships per type, for import summaries and /api/stats. Staged imports (not
// yet published), their bookkeeping and Parley's own state node are not part of the graph; every staged link
// starts at a staged node.
CALL () {
  MATCH (n) WHERE NOT n:Staged AND NOT n:Import AND NOT n:ParleyState UNWIND labels(n) AS label RETURN label AS name, count(*) AS count, 'label' AS what
  UNION ALL
  MATCH (a)-[r]->() WHERE NOT a:Staged RETURN type(r) AS name, count(*) AS count, 'type' AS what
}
RETURN what, name, count ORDER BY what, name
