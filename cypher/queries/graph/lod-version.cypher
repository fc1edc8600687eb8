// Actor count and a data version for the level-of-detail cache, all from Neo4j's count store (constant time).
CALL () {
  MATCH (n:Person) RETURN count(n) AS c
  UNION ALL MATCH (n:Government) RETURN count(n) AS c
  UNION ALL MATCH (n:Organization) RETURN count(n) AS c
  UNION ALL MATCH (n:Country) RETURN count(n) AS c
}
WITH sum(c) AS actors
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[m:MET]->() RETURN count(m) AS met }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN actors, nodes, met, rels
