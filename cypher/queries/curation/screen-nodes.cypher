// Import screening: the latest rejection record of each id (deleted, or merged into another node).
UNWIND $ids AS id
MATCH (r:Rejection {subjectId: id})
WITH id, r ORDER BY r.id DESC
WITH id, collect(r)[0] AS r
RETURN id, r.action AS action, r.into AS into
