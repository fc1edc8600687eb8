// Start-up migration, after stamp-nodes: links between entities loaded before Parley recorded when it learned
// facts are known from when the later of their two ends was. MET is derived and is not stamped.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.knownFrom IS NULL AND type(r) <> 'MET'
CALL (a, r, b) {
  SET r.knownFrom = CASE WHEN a.knownFrom > b.knownFrom THEN a.knownFrom ELSE b.knownFrom END
} IN TRANSACTIONS OF 10000 ROWS
