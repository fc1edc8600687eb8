// Curation: sets review annotations on evidence (status, note, the change that set them); nothing else changes.
UNWIND $rows AS row
MATCH (ev:Evidence {id: row.id})
SET ev.status = row.status, ev.statusNote = row.statusNote, ev.statusChange = row.statusChange
RETURN count(ev) AS count
