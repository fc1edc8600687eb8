// Curation: the type of each existing entity among the given ids (reference checks of edits).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.type AS type
