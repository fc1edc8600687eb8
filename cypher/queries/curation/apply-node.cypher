// Curation: puts an entity into a recorded state: its labels and properties, with its relationships cleared so
// that create-rels.cypher states them afresh. {{label}} is replaced by a label from the closed list of node types.
MERGE (n:Entity {id: $id})
WITH n
CALL (n) {
  MATCH (n)-[r]-()
  WHERE NOT type(r) IN $skip
  DELETE r
}
REMOVE n:Person:Government:Organization:Country:Place:Agreement:Event:Topic
SET n = $props
SET n:{{label}}
SET n.dateStart = CASE WHEN $temporals.dateStart IS NULL THEN null ELSE date($temporals.dateStart) END,
    n.dateEnd = CASE WHEN $temporals.dateEnd IS NULL THEN null ELSE date($temporals.dateEnd) END,
    n.createdAt = CASE WHEN $temporals.createdAt IS NULL THEN null ELSE datetime($temporals.createdAt) END,
    n.updatedAt = CASE WHEN $temporals.updatedAt IS NULL THEN null ELSE datetime($temporals.updatedAt) END,
    n.knownFrom = CASE WHEN $temporals.knownFrom IS NULL THEN null ELSE datetime($temporals.knownFrom) END
RETURN n.id AS id
