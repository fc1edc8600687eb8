// The console: the explorer's links among the entities a question drew (by element id), so that its rows appear
// as a network with their meetings and ties, not as loose dots. Relationships the question returned itself are
// not read again. The links are read from the entity side with the fewer links first, and capped.
MATCH (a:Entity)
WHERE elementId(a) IN $ids
MATCH (a)-[r:MET|HOLDS_ROLE|PARTICIPATED_IN|AT|ABOUT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF]->(b:Entity)
WHERE elementId(b) IN $ids AND NOT elementId(r) IN $known
RETURN r
LIMIT $limit
