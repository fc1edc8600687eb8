// Curation: replaces the rejection records of the given subjects with the recorded ones, each linked to the
// evidence it rejected.
CALL () {
  MATCH (r:Rejection)
  WHERE r.subjectId IN $ids
  DETACH DELETE r
}
WITH 1 AS _
UNWIND $rows AS row
CREATE (r:Rejection)
SET r = row
WITH r
UNWIND coalesce(r.evidence, []) AS evidenceId
MATCH (ev:Evidence {id: evidenceId})
MERGE (r)-[:REJECTS]->(ev)
RETURN count(*) AS count
