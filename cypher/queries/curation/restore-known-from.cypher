// Restore: puts back when Parley learned each entity and its outgoing links (the backup's knownFrom section), over
// the restore's own time, which the import path has just stamped.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.knownFrom = CASE WHEN row.at IS NULL THEN n.knownFrom ELSE datetime(row.at) END
WITH n, row
CALL (n, row) {
  UNWIND row.links AS link
  MATCH (n)-[r]->(:Entity {id: link.to})
  WHERE type(r) = link.type
  SET r.knownFrom = datetime(link.at)
}
RETURN count(n) AS count
