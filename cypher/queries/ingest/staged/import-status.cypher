// Records the state of a staged import: staging → published (MET pending) → done, or rolled back.
MERGE (i:Import {id: $importId})
ON CREATE SET i.startedAt = datetime()
SET i += $fields, i.updatedAt = datetime()
RETURN i.id AS id
