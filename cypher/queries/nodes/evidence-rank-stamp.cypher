// Start-up migration: events and agreements whose stored evidence rank is missing (data loaded before it was kept)
// or wrong (written by an older Parley) get it from their citations, in committed batches. A database already
// right is only read: one label scan with a degree read per node.
MATCH (n:Entity)
WHERE (n:Event OR n:Agreement)
  AND (n.evidenceRank IS NULL OR n.evidenceRank <> {{evidence-rank(n)}})
CALL (n) {
  SET n.evidenceRank = {{evidence-rank(n)}}
} IN TRANSACTIONS OF 10000 ROWS
