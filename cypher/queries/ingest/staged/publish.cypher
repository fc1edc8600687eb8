// Publishes the staged nodes of an import that carry the given labels ({{labels}}, from the writer's closed list):
// they gain their real labels (and with them constraints, indexes and visibility) and lose `Staged` and the import
// id (so a staged load leaves exactly what a one-transaction load leaves).
MATCH (n:Staged {importId: $importId})
WHERE n.stagedLabels = $labels
SET n:{{labels}}
REMOVE n:Staged, n.stagedLabels, n.importId
RETURN count(n) AS count
