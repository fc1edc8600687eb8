// When Parley first learned each link that a re-import is about to state afresh (queries/ingest/clear-owned-links
// drops them): the links written again keep that time (server/modules/history).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (a:Entity)-[r:PARTICIPATED_IN|PARTY_TO]->(n)
  RETURN a.id AS source, type(r) AS type, n.id AS target, r.knownFrom AS knownFrom
  UNION ALL
  MATCH (n)-[r:AT|ABOUT|PRODUCED|IN_COUNTRY|PART_OF]->(b:Entity)
  RETURN n.id AS source, type(r) AS type, b.id AS target, r.knownFrom AS knownFrom
}
WITH source, type, target, knownFrom
WHERE knownFrom IS NOT NULL
RETURN source, type, target, toString(knownFrom) AS knownFrom
