// Display attributes of the given entities: name, type, kind, stored position, countries they belong to
// (directly, or through a role held in a government or organisation of that country) and degree.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[:IN_COUNTRY|HOLDS_ROLE|PART_OF*1..2]->(c:Country)
  RETURN collect(DISTINCT c.id) AS countries
}
RETURN n.id AS id, n.name AS name, n.type AS type, n.kind AS kind, n.date AS date,
       n.datePrecision AS datePrecision, n.x AS x, n.y AS y,
       CASE WHEN n:Country THEN countries + n.id ELSE countries END AS countries,
       {{degree(n)}} AS degree
