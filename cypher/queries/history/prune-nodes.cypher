// Entities Parley learned after a moment ($after), removed with their links inside a transaction that is rolled
// back (server/modules/history); returns the actors whose encounters they were part of, for the MET refresh, and
// the topics that agreements among them were about (their stored count, cypher/fragments/agreements-about.cypher).
MATCH (n:Entity)
WHERE n.knownFrom > datetime($after)
WITH n, [(actor:Entity)-[:PARTICIPATED_IN]->(n) | actor.id] AS actors,
     CASE WHEN n:Agreement THEN [(n)-[:ABOUT]->(t:Topic) | t.id] ELSE [] END AS topics
DETACH DELETE n
WITH [a IN actors | {actor: a, topic: null}] + [t IN topics | {actor: null, topic: t}] AS rows
UNWIND rows AS row
RETURN DISTINCT row.actor AS actor, row.topic AS topic
