// Backup: one page of quantities after an id, with what they are about.
MATCH (q:Quantity)
WHERE q.id > $after
WITH q ORDER BY q.id LIMIT $page
RETURN properties(q) AS props, [(q)-[:ABOUT]->(t:Entity) | t.id] AS about
ORDER BY q.id
