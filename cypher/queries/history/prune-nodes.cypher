// Entities Parley learned after a moment ($after), removed with their links inside a transaction that is rolled
// back (server/modules/history); returns the actors whose encounters they were part of, for the MET refresh.
MATCH (n:Entity)
WHERE n.knownFrom > datetime($after)
OPTIONAL MATCH (actor:Entity)-[:PARTICIPATED_IN]->(n)
WITH n, collect(actor.id) AS actors
DETACH DELETE n
WITH actors
UNWIND actors AS actor
RETURN DISTINCT actor
