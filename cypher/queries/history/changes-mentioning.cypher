// Curation changes whose recorded states or subjects name any of the given ids (a purge erases them from
// history, server/modules/history). States are JSON text: an id is looked for as a quoted JSON string.
UNWIND $ids AS id
MATCH (c:Change)
WHERE id IN c.subjectIds OR c.before CONTAINS ('"' + id + '"') OR c.after CONTAINS ('"' + id + '"')
RETURN DISTINCT c.id AS id, c.before AS before, c.after AS after, c.subjectIds AS subjectIds
