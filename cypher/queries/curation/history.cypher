// Curation: the audit records that name a subject, newest first (by id, which is ordered by time).
MATCH (c:Change)
WHERE $id IN c.subjectIds
RETURN c {.*} AS change
ORDER BY c.id DESC
LIMIT $limit
