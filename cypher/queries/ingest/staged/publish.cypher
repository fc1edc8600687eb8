// Publishes the staged nodes of an import that carry the given labels ({{labels}}, from the writer's closed list):
// they gain their real labels (and with them constraints, indexes and visibility) and lose `Staged`. The staging
// properties are removed afterwards in batches (cleanup.cypher): rewriting every node's properties here would make
// this one transaction much bigger.
MATCH (n:Staged {importId: $importId})
WHERE n.stagedLabels = $labels
SET n:{{labels}}
REMOVE n:Staged
RETURN count(n) AS count
