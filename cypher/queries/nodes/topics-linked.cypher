// The topics among the given entities and those the agreements among them are about: whose stored agreement count
// (cypher/fragments/agreements-about.cypher) a write to the entities may change.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL (x) {
  WITH x WHERE x:Agreement
  MATCH (x)-[:ABOUT]->(t:Topic)
  RETURN t
  UNION
  WITH x WHERE x:Topic
  RETURN x AS t
}
RETURN DISTINCT t.id AS id
