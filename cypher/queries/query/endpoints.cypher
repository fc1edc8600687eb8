// The console: the end nodes of relationships a question returned without them, by element id (the console
// shows what Neo4j answered, so it speaks element ids; the rest of Parley never does).
MATCH (n)
WHERE elementId(n) IN $ids
RETURN n
