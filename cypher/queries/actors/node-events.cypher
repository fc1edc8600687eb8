// Ids of the events a node is involved in: took part in (actors), happened at (places, countries), is about
// (topics), produced (agreements); oldest first, undated last, at most $limit, with the total.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[:PARTICIPATED_IN]->(e:Event) RETURN e
  UNION
  MATCH (e:Event)-[:AT]->(n) RETURN e
  UNION
  MATCH (e:Event)-[:ABOUT]->(n) RETURN e
  UNION
  MATCH (e:Event)-[:PRODUCED]->(n) RETURN e
}
WITH e ORDER BY e.dateStart, e.id
WITH collect(e.id) AS ids
RETURN ids[0..$limit] AS ids, size(ids) AS total
