// The console's completion: the relationship types in use.
CALL db.relationshipTypes() YIELD relationshipType
RETURN relationshipType
