// Sets the stored evidence rank (cypher/fragments/evidence-rank.cypher) of the given entities again, after a write
// changed their citations or their type; entities that are not events or agreements lose it.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH DISTINCT n
SET n.evidenceRank = {{evidence-rank(n)}}
RETURN count(n) AS count
