// Which of the given ids already exist as live entities, articles, quantities or evidence (a staged import writes
// new ones apart and changes existing ones only when it publishes).
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (a:Article {id: id})
OPTIONAL MATCH (q:Quantity {id: id})
OPTIONAL MATCH (v:Evidence {id: id})
WITH id, e, a, q, v
WHERE e IS NOT NULL OR a IS NOT NULL OR q IS NOT NULL OR v IS NOT NULL
RETURN id
