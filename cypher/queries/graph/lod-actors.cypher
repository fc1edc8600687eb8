// Every actor with its community (the country it belongs to, directly or through an office) and its MET degree
// (distinct actors met; COUNT over one relationship type is read from the node's degree store, not expanded).
MATCH (a:Entity)
WHERE a:Person OR a:Government OR a:Organization OR a:Country
CALL (a) {
  OPTIONAL MATCH (a)-[:IN_COUNTRY|HOLDS_ROLE|PART_OF*1..2]->(c:Country)
  WITH c ORDER BY c.id
  RETURN head(collect(c.id)) AS country
}
RETURN a.id AS id, a.name AS name, a.type AS type, a.kind AS kind, a.x AS x, a.y AS y,
       CASE WHEN a:Country AND country IS NULL THEN a.id ELSE country END AS community,
       COUNT { (a)-[:MET]-() } AS degree
