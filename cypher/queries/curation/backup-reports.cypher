// Backup: one page of REPORTED_BY links (which article reports which event, why and what it says) after a key, by
// event id then article id.
MATCH (e:Entity)-[r:REPORTED_BY]->(a:Article)
WITH e.id + '|' + a.id AS key, e, r, a
WHERE key > $after
RETURN key, e.id AS event, a.id AS article, properties(r) AS props
ORDER BY key
LIMIT $page
