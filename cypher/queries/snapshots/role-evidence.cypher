// Evidence ids of roles between pairs of entities (HOLDS_ROLE keeps them in a list property).
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair.source})-[r:HOLDS_ROLE]->(b:Entity {id: pair.target})
RETURN pair.source AS source, pair.target AS target, r.title AS title, coalesce(r.evidence, []) AS evidence
