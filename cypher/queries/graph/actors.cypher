// The best-connected actors and agreements, for an unfiltered overview (people, governments, organisations,
// countries, agreements), most connected first.
MATCH (n:Entity)
WHERE n.type IN ['person', 'government', 'organization', 'country', 'agreement']
WITH n, {{degree(n)}} AS degree
ORDER BY degree DESC, n.id
LIMIT $limit
RETURN n.id AS id
