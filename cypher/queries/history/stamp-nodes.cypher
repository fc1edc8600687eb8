// Start-up migration: entities loaded before Parley recorded when it learned facts get their load time once (the
// time they were created, else the time of this start); a stamped node is never touched again.
MATCH (n:Entity)
WHERE n.knownFrom IS NULL
CALL (n) {
  SET n.knownFrom = coalesce(n.createdAt, datetime())
} IN TRANSACTIONS OF 10000 ROWS
