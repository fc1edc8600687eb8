// Backup: when Parley learned each entity and each of its outgoing links (knownFrom, server/modules/history), one
// page of entities after a key, by id, links by type then target. A restore stamps them back, so that the record
// "as known on" a date survives it. Stamps are written the one way Neo4j prints a datetime (a curation change may
// have left one as text).
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
OPTIONAL MATCH (n)-[r]->(b:Entity)
  WHERE r.knownFrom IS NOT NULL AND type(r) <> 'MET'
WITH n, r, b ORDER BY type(r), b.id
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), to: b.id, at: toString(datetime(r.knownFrom))} END) AS links
RETURN n.id AS key, toString(datetime(n.knownFrom)) AS at, links
ORDER BY key
