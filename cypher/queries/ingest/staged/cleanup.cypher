// After publishing: removes the staging bookkeeping (import id, future labels) from the import's nodes, in batches
// (run in an auto-commit transaction), so a published node is exactly what a one-transaction load writes.
MATCH (n)
WHERE n.importId = $importId
CALL (n) { REMOVE n.importId, n.stagedLabels } IN TRANSACTIONS OF 10000 ROWS
