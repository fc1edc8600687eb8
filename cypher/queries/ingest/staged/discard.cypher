// Rolls a staged import back: deletes the staged nodes and their links, in transactions of 5,000 nodes (run in an
// auto-commit transaction). Nothing staged was ever visible, and nothing live was changed while staging; one
// import stages at a time (the Import node's staging slot), so every staged node is that import's.
MATCH (n:Staged)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
