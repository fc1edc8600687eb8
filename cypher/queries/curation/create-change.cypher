// Curation: stores one audit record and links it to the subjects that still exist.
CREATE (c:Change {id: $id, at: $at, by: $by, action: $action, subjectIds: $subjectIds, before: $before,
                  after: $after, reason: $reason, revertOf: $revertOf})
WITH c
CALL (c) {
  UNWIND $subjectIds AS subjectId
  MATCH (n:Entity {id: subjectId})
  MERGE (c)-[:CHANGED]->(n)
}
RETURN c.id AS id
