// Neighbours of a node, paged. An actor's neighbours are the actors it met (the MET projection, via event ids)
// and what it is structurally linked to (roles, agreements, membership, countries); events it took part in are
// represented by those MET links rather than listed. Other nodes list every linked entity.
// Evidence count per link: HOLDS_ROLE counts its evidence ids, MET the evidence of the shared events, any other
// link the evidence of its event or agreement end (else of the neighbour).
MATCH (n:Entity {id: $id})
// OPTIONAL: a node without neighbours still answers, with an empty page.
OPTIONAL CALL (n) {
  MATCH (n)-[m:MET]-(b:Entity)
  RETURN b, 'met' AS kind, m.events AS via, coalesce(m.count, 1) AS weight,
         COUNT { MATCH (e:Event)-[:EVIDENCED_BY]->(:Evidence) WHERE e.id IN m.events } AS evidence,
         CASE WHEN n.id < b.id THEN n.id ELSE b.id END AS source
  UNION ALL
  MATCH (n)-[r]-(b:Entity)
  WHERE NOT type(r) IN ['MET', 'EVIDENCED_BY']
    AND NOT (type(r) = 'PARTICIPATED_IN' AND n.type IN $actorTypes)
  WITH n, r, b, CASE WHEN n:Event OR n:Agreement THEN n ELSE b END AS cited
  RETURN b, toLower(type(r)) AS kind, [toLower(type(r))] AS via, 1 AS weight,
         CASE WHEN type(r) = 'HOLDS_ROLE' THEN size(coalesce(r.evidence, []))
              ELSE COUNT { (cited)-[:EVIDENCED_BY]->(:Evidence) } END AS evidence,
         startNode(r).id AS source
}
WITH n, b, collect({kind: kind, via: via, weight: weight, evidence: evidence, source: source}) AS links
WITH n, b, links, reduce(s = 0, l IN links | s + l.evidence) AS evidenceCount
ORDER BY evidenceCount DESC, b.name, b.id
WITH n, collect(CASE WHEN b IS NULL THEN null ELSE {b: b, links: links, evidenceCount: evidenceCount} END) AS rows
// Page first, then count degrees: a hub has thousands of neighbours, and each degree expands every link of a
// neighbour (often another hub), so only the page's neighbours pay for it.
WITH n, size(rows) AS total, rows[$offset..($offset + $limit)] AS slice
CALL (slice) {
  UNWIND slice AS row
  WITH row, row.b AS b
  RETURN collect({node: b {.id, .name, .type, .kind, degree: COUNT { (b)--(:Entity) }}, links: row.links,
                  evidenceCount: row.evidenceCount}) AS page
}
RETURN total, page, n {.id, .name, .type, .kind, degree: COUNT { (n)--(:Entity) }} AS centre
