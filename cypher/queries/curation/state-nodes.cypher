// Curation: the full state of entities by id (labels, properties, every relationship except the derived MET
// projection and audit links), so a change can record what it replaced and a revert can put it back.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, n IS NOT NULL AS exists,
       CASE WHEN n IS NULL THEN [] ELSE labels(n) END AS labels,
       CASE WHEN n IS NULL THEN {} ELSE properties(n) END AS props,
       CASE WHEN n IS NULL THEN [] ELSE
         [(n)-[r]->(m) WHERE NOT type(r) IN $skip |
           {type: type(r), dir: 'out', otherLabels: labels(m), otherId: m.id, props: properties(r)}] +
         [(m)-[r]->(n) WHERE NOT type(r) IN $skip |
           {type: type(r), dir: 'in', otherLabels: labels(m), otherId: m.id, props: properties(r)}]
       END AS rels
