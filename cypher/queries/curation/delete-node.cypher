// Curation: removes an entity and its links; its Evidence nodes stay (with their article) and are annotated.
MATCH (n:Entity {id: $id})
DETACH DELETE n
