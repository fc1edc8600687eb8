// Removes the links that the loaded nodes own, so that a reload states them afresh (a participant dropped from
// an event in the file is dropped in the database). Returns the actors whose encounters may have changed.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (actor:Entity)-[p:PARTICIPATED_IN]->(n)
  WITH collect(DISTINCT actor.id) AS actors, collect(p) AS rels
  FOREACH (r IN rels | DELETE r)
  RETURN actors
}
CALL (n) {
  OPTIONAL MATCH (n)-[r:AT|ABOUT|PRODUCED|IN_COUNTRY|PART_OF]->()
  DELETE r
}
CALL (n) {
  OPTIONAL MATCH ()-[r:PARTY_TO]->(n)
  DELETE r
}
UNWIND actors AS actor
RETURN DISTINCT actor
