// Curation changes made after a moment ($after, an ISO instant), newest first: undone in this order, each by
// applying its `before` state, they give the record as it stood then (server/modules/history).
MATCH (c:Change)
WHERE c.at > $after
RETURN c.id AS id, c.before AS before, c.subjectIds AS subjectIds
ORDER BY c.id DESC
