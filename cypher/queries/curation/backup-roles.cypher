// Backup: the roles of one page of people after an id.
MATCH (p:Entity)
WHERE p.id > $after AND (p)-[:HOLDS_ROLE]->()
WITH p ORDER BY p.id LIMIT $page
MATCH (p)-[r:HOLDS_ROLE]->(o:Entity)
RETURN p.id AS person, p.type AS personType, o.id AS of, o.type AS ofType, properties(r) AS props
ORDER BY person, of, r.title
