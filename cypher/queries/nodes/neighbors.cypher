// Neighbours of a node, paged. An actor's neighbours are the actors it met (the MET projection, via event ids)
// and what it is structurally linked to (roles, agreements, membership, countries); events it took part in are
// represented by those MET links rather than listed. Other nodes list every linked entity.
// Evidence count per link: HOLDS_ROLE counts its evidence ids, MET the evidence of the shared events (stored on the
// link when it was built), any other link the evidence of its event or agreement end (else of the neighbour).
// Only what the order needs (evidence, name, id) is read for every neighbour; the rest only for the page's rows,
// since a hub has a thousand neighbours.
MATCH (n:Entity {id: $id})
// OPTIONAL: a node without neighbours still answers, with an empty page.
OPTIONAL CALL (n) {
  MATCH (n)-[m:MET]-(b:Entity)
  // Links built before the count was stored count it here.
  RETURN b, m AS link, coalesce(m.evidence, COUNT { MATCH (e:Event)-[:EVIDENCED_BY]->() WHERE e.id IN m.events }) AS evidence
  UNION ALL
  MATCH (n)-[r:HOLDS_ROLE|AT|ABOUT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF]-(b:Entity)
  WITH n, r, b, CASE WHEN n:Event OR n:Agreement THEN n ELSE b END AS cited
  RETURN b, r AS link,
         CASE WHEN type(r) = 'HOLDS_ROLE' THEN size(coalesce(r.evidence, [])) ELSE COUNT { (cited)-[:EVIDENCED_BY]->() } END AS evidence
  UNION ALL
  MATCH (n)-[r:PARTICIPATED_IN]-(b:Entity)
  WHERE NOT n.type IN $actorTypes
  WITH n, r, b, CASE WHEN n:Event OR n:Agreement THEN n ELSE b END AS cited
  RETURN b, r AS link, COUNT { (cited)-[:EVIDENCED_BY]->() } AS evidence
}
WITH n, b, collect({link: link, evidence: evidence}) AS links
WITH n, b, links, reduce(s = 0, l IN links | s + l.evidence) AS evidenceCount
ORDER BY evidenceCount DESC, b.name, b.id
WITH n, collect(CASE WHEN b IS NULL THEN null ELSE {b: b, links: links, evidenceCount: evidenceCount} END) AS rows
WITH n, size(rows) AS total, rows[$offset..($offset + $limit)] AS slice
CALL (n, slice) {
  UNWIND slice AS row
  WITH n, row, row.b AS b
  RETURN collect({
    node: b {.id, .name, .type, .kind, degree: {{degree(b)}}},
    links: [l IN row.links | CASE type(l.link)
      WHEN 'MET' THEN {kind: 'met', via: l.link.events, weight: coalesce(l.link.count, 1), evidence: l.evidence,
                       source: CASE WHEN n.id < b.id THEN n.id ELSE b.id END}
      ELSE {kind: toLower(type(l.link)), via: [toLower(type(l.link))], weight: 1, evidence: l.evidence,
            source: startNode(l.link).id}
    END],
    evidenceCount: row.evidenceCount}) AS page
}
RETURN total, page, n {.id, .name, .type, .kind, degree: {{degree(n)}}} AS centre
