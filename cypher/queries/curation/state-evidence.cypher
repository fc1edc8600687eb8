// Curation: review annotations of evidence (status and its note); the evidence itself is never changed.
MATCH (ev:Evidence)
WHERE ev.id IN $ids
RETURN ev.id AS id, ev.status AS status, ev.statusNote AS statusNote, ev.statusChange AS statusChange
ORDER BY id
