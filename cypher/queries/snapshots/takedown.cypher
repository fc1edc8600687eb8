// Takes a snapshot down: keeps its id (so its link can say what happened), drops the payload and its links to
// entities, and records when and why.
MATCH (s:Snapshot {id: $id})
SET s.takenDown = true, s.takenDownAt = coalesce(s.takenDownAt, datetime()), s.takedownReason = $reason,
    s.title = null, s.note = null
REMOVE s.payload
WITH s
OPTIONAL MATCH (s)-[r:SHOWS]->()
DELETE r
RETURN DISTINCT s.id AS id, s.takenDownAt AS takenDownAt
