// Restore: whether the database holds any node at all.
MATCH (n) RETURN count(n) > 0 AS used LIMIT 1
