// @title Who are the most connected actors?
// @description Actors ranked by how many others they met, then by how many events they took part in.
// @param limit integer = 10 -- How many
MATCH (a:Person|Government|Organization|Country)
OPTIONAL MATCH (a)-[:MET]-(peer)
WITH a, count(DISTINCT peer) AS peers
OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
WITH a, peers, count(DISTINCT e) AS events
WHERE peers + events > 0
RETURN a.name AS actor, a.kind AS kind, peers, events, a
ORDER BY peers DESC, events DESC, actor
LIMIT $limit
