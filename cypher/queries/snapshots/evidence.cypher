// Evidence ids behind the given subjects (events, agreements…), accepted only, for the edges of a new snapshot.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[:EVIDENCED_BY]->(ev:Evidence)
WHERE coalesce(ev.status, 'accepted') = 'accepted'
RETURN id, collect(DISTINCT ev.id) AS evidence
