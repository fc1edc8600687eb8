// Backup: one page of evidence after an id, with review status and what cites it.
MATCH (ev:Evidence)
WHERE ev.id > $after
WITH ev ORDER BY ev.id LIMIT $page
RETURN properties(ev) AS props,
       [(x:Entity)-[:EVIDENCED_BY]->(ev) | {label: 'Entity', id: x.id}] +
       [(x:Quantity)-[:EVIDENCED_BY]->(ev) | {label: 'Quantity', id: x.id}] AS subjects
ORDER BY ev.id
