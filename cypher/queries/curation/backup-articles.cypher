// Backup: one page of articles after an id, by id.
MATCH (a:Article)
WHERE a.id > $after
RETURN properties(a) AS props
ORDER BY a.id
LIMIT $page
