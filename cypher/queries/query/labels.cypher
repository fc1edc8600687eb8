// The console's completion: the node labels in use.
CALL db.labels() YIELD label
RETURN label
