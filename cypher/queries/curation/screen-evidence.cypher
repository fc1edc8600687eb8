// Import screening: which of the given evidence ids a reviewer rejected.
MATCH (ev:Evidence)
WHERE ev.id IN $ids AND ev.status = 'rejected'
RETURN ev.id AS id
