// Which of the given ids name an entity (for 404s that say which one is unknown).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.id, .name, .type, .kind} AS node
