// Node references with degree, for drawing a small graph (path, neighbours).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.id, .name, .type, .kind, degree: {{degree(n)}}} AS node
