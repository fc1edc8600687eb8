// Stores curation changes' recorded states again, with purged facts taken out (server/modules/history).
UNWIND $rows AS row
MATCH (c:Change {id: row.id})
SET c.before = row.before, c.after = row.after, c.subjectIds = row.subjectIds
WITH c, row
OPTIONAL MATCH (c)-[link:CHANGED]->(n:Entity)
WHERE NOT n.id IN row.subjectIds
DELETE link
RETURN count(DISTINCT c) AS count
