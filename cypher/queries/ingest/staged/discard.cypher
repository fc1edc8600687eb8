// Rolls a staged import back: deletes its staged nodes and their links, in transactions of 5,000 nodes (run in an
// auto-commit transaction). Nothing it staged was ever visible, and nothing live was changed while staging.
MATCH (n:Staged {importId: $importId})
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
