// Which of the given snapshot ids are stored, and whether each was taken down (a story may only use live ones).
UNWIND $ids AS id
MATCH (s:Snapshot {id: id})
RETURN s.id AS id, coalesce(s.takenDown, false) AS takenDown
