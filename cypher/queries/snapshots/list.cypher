// Recent snapshots, newest first, without payloads; taken-down ones are left out.
MATCH (s:Snapshot)
WHERE NOT coalesce(s.takenDown, false)
RETURN s {.id, .title, .note, .formatVersion, .nodeCount, .edgeCount, .createdAt} AS snapshot
ORDER BY s.createdAt DESC, s.id
LIMIT $limit
