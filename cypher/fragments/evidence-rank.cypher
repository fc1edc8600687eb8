// The evidence rank of an event or an agreement: its citations (EVIDENCED_BY links) negated, null for any other
// node. Stored as `evidenceRank` so that a hub's neighbours page reads its events and agreements in the order it
// shows them (most evidence, then name) from the entity_evidence_rank index (cypher/queries/nodes/neighbors.cypher);
// every write that changes a citation of an event or an agreement sets it again from this.
// @param entity -- the Entity node ranked
CASE WHEN {{entity}}:Event OR {{entity}}:Agreement THEN -COUNT { ({{entity}})-[:EVIDENCED_BY]->() } END
