// Structural links among a set of entities: roles held, parties to agreements, membership. The hint keeps the
// seek on the start node: a plan that seeks both ends (which stale statistics can make look cheaper) took 11.5 s
// for 1,800 ids at 10k, against 0.2 s, enough to time the overview out. SEEK, because stale statistics can also
// make a scan of the whole index look cheap, which a plain `USING INDEX` allows.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:HOLDS_ROLE|PARTY_TO|PART_OF]->(b:Entity)
USING INDEX SEEK a:Entity(id)
WHERE b.id IN $ids
RETURN a.id AS source, b.id AS target, toLower(type(r)) AS kind, r.title AS title,
       r.since AS since, r.until AS until, r.asOf AS asOf
