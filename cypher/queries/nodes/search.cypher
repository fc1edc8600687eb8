// Full-text search over names, aliases and role titles (index entity_names, diacritics folded), best first, with
// what a result panel needs to say which alias or title matched.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind,
       coalesce(node.aliases, []) AS aliases, [(node)-[r:HOLDS_ROLE]->() | r.title] AS titles, score
ORDER BY score DESC, name
