// Curation: ids of the evidence that the given entities cite.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:EVIDENCED_BY]->(ev:Evidence)
RETURN DISTINCT ev.id AS id
