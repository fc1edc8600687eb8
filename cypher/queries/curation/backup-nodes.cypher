// Backup: one page of entities after an id, by id, with their outgoing links and the links that events and
// agreements are given by their participants and parties (MET is derived and roles are paged separately).
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
RETURN properties(n) AS props,
       [(n)-[r]->(m:Entity) WHERE NOT type(r) IN ['MET', 'HOLDS_ROLE'] |
         {type: type(r), id: m.id, otherType: m.type, props: properties(r)}] AS out,
       [(m:Entity)-[r:PARTICIPATED_IN|PARTY_TO]->(n) |
         {type: type(r), id: m.id, otherType: m.type, props: properties(r)}] AS incoming
ORDER BY n.id
