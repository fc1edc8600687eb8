// Backup: one page of records of a curation label ({{label}}: Suggestion, Rejection, Change, Decision or
// Snapshot, from a closed list) after a key, by key; snapshots come with the entities they show.
MATCH (x:{{label}})
WHERE x[$key] > $after
WITH x ORDER BY x[$key] LIMIT $page
RETURN properties(x) AS props, [(x)-[:SHOWS]->(e:Entity) | e.id] AS shows
ORDER BY x[$key]
