// Curation: one audit record by id.
MATCH (c:Change {id: $id})
RETURN c {.*} AS change
