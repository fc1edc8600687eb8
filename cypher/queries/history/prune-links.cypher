// Links Parley learned after a moment ($after), removed inside a transaction that is rolled back
// (server/modules/history). A link's knownFrom is a datetime, or its ISO text once a curation change restated it.
// Returns the actors who lost a participation (for the MET refresh) and the topics that lost an agreement (their
// stored count of agreements, cypher/fragments/agreements-about.cypher).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.knownFrom IS NOT NULL AND datetime(r.knownFrom) > datetime($after)
WITH a, b, r, type(r) = 'PARTICIPATED_IN' AS participation, type(r) = 'ABOUT' AND a:Agreement AND b:Topic AS about
DELETE r
WITH a, b, participation, about
WHERE participation OR about
RETURN DISTINCT CASE WHEN participation THEN a.id END AS actor, CASE WHEN about THEN b.id END AS topic
