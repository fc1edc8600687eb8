// Takes a story down: keeps its id (so its link can say what happened), drops the payload and title, and records
// when and why.
MATCH (s:Story {id: $id})
SET s.takenDown = true, s.takenDownAt = coalesce(s.takenDownAt, datetime()), s.takedownReason = $reason,
    s.title = null
REMOVE s.payload
RETURN s.id AS id
