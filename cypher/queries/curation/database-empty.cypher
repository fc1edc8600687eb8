// Restore: whether the database holds any node at all (Parley's own state node aside).
MATCH (n) WHERE NOT n:ParleyState RETURN count(n) > 0 AS used LIMIT 1
