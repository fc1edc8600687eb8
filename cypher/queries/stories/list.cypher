// Recent stories, newest first, without payloads; taken-down ones are left out.
MATCH (s:Story)
WHERE NOT coalesce(s.takenDown, false)
RETURN s {.id, .title, .formatVersion, .stepCount, .createdAt} AS story
ORDER BY s.createdAt DESC, s.id
LIMIT $limit
