// First pass of the import's MET refresh: marks the touched actors with this import's stamp and drops their MET
// links, so that the build pass knows which pairs it must rebuild and builds each of them once.
UNWIND $actors AS actorId
MATCH (a:Entity {id: actorId})
SET a.metRefresh = $stamp
WITH a
CALL (a) {
  OPTIONAL MATCH (a)-[m:MET]-()
  DELETE m
}
RETURN count(a) AS count
