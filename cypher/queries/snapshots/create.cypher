// Stores a snapshot once: the id is a hash of its content, so MERGE finds the same node for the same view and the
// payload is written only when the node is created (a snapshot never changes once written). Links it to the
// entities it shows that exist today. Returns whether it was created and whether it was taken down.
MERGE (s:Snapshot {id: $id})
ON CREATE SET s.title = $title, s.note = $note, s.formatVersion = $formatVersion, s.payload = $payload,
              s.payloadEncoding = $payloadEncoding, s.payloadBytes = $payloadBytes, s.nodeCount = $nodeCount,
              s.edgeCount = $edgeCount, s.createdAt = datetime(), s.takenDown = false, s.created = true
WITH s, coalesce(s.created, false) AS created
REMOVE s.created
WITH s, created
CALL (s, created) {
  WITH s WHERE created
  UNWIND $entityIds AS entityId
  MATCH (e:Entity {id: entityId})
  MERGE (s)-[:SHOWS]->(e)
  RETURN count(e) AS linked
}
RETURN s.id AS id, created, s.takenDown AS takenDown, linked
