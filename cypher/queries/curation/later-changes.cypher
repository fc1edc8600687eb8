// Curation: audit records after a given one that touch any of its subjects (they block its revert).
MATCH (c:Change)
WHERE c.id > $id AND any(s IN c.subjectIds WHERE s IN $subjectIds)
RETURN c.id AS id, c.revertedBy AS revertedBy, c.revertOf AS revertOf
ORDER BY id
