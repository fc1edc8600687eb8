// Restore: curation records of one label ({{label}} from a closed list), with their links: Change → CHANGED
// subjects, Rejection → REJECTS evidence, Snapshot → SHOWS entities.
UNWIND $rows AS row
CREATE (x:{{label}})
SET x = row.props
SET x.createdAt = CASE WHEN row.createdAt IS NULL THEN x.createdAt ELSE datetime(row.createdAt) END,
    x.takenDownAt = CASE WHEN row.takenDownAt IS NULL THEN x.takenDownAt ELSE datetime(row.takenDownAt) END
WITH x, row
CALL (x, row) {
  UNWIND row.shows AS id
  MATCH (e:Entity {id: id})
  CREATE (x)-[:SHOWS]->(e)
}
CALL (x) {
  UNWIND CASE WHEN x:Change THEN x.subjectIds ELSE [] END AS id
  MATCH (e:Entity {id: id})
  CREATE (x)-[:CHANGED]->(e)
}
CALL (x) {
  UNWIND CASE WHEN x:Rejection THEN coalesce(x.evidence, []) ELSE [] END AS id
  MATCH (ev:Evidence {id: id})
  CREATE (x)-[:REJECTS]->(ev)
}
RETURN count(x) AS count
