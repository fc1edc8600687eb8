// Curation: rejection records (deleted or merged-away entities) of the given subjects.
MATCH (r:Rejection)
WHERE r.subjectId IN $ids
RETURN r {.*} AS rejection
ORDER BY r.id
