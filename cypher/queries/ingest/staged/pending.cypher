// Staged imports left unfinished by a stopped process: still staging (to roll back) or published with their MET
// refresh pending (to finish).
MATCH (i:Import)
WHERE i.status IN ['staging', 'published']
RETURN i.id AS id, i.status AS status, coalesce(i.metActors, []) AS metActors
