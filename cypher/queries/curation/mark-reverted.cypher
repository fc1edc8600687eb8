// Curation: records that a change was reverted by another (or, with null, that its revert was itself reverted).
MATCH (c:Change {id: $id})
SET c.revertedBy = $revertedBy
RETURN c.id AS id
