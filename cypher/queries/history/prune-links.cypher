// Links Parley learned after a moment ($after), removed inside a transaction that is rolled back
// (server/modules/history). A link's knownFrom is a datetime, or its ISO text once a curation change restated it.
MATCH (a:Entity)-[r]->(:Entity)
WHERE r.knownFrom IS NOT NULL AND datetime(r.knownFrom) > datetime($after)
WITH a, r, type(r) = 'PARTICIPATED_IN' AS participation
DELETE r
WITH a, participation
WHERE participation
RETURN DISTINCT a.id AS actor
