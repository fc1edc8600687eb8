// Stores a story once: the id is a hash of its content, so MERGE finds the same node for the same story and the
// payload is written only when the node is created (a story never changes once written). Returns whether it was
// created and whether it was taken down.
MERGE (s:Story {id: $id})
ON CREATE SET s.title = $title, s.formatVersion = $formatVersion, s.payload = $payload, s.stepCount = $stepCount,
              s.createdAt = datetime(), s.takenDown = false, s.created = true
WITH s, coalesce(s.created, false) AS created
REMOVE s.created
RETURN s.id AS id, created, s.takenDown AS takenDown
