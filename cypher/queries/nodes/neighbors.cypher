// Neighbours of a node, paged. An actor's neighbours are the actors it met (the MET projection, via event ids)
// and what it is structurally linked to (roles, agreements, membership, countries); events it took part in are
// represented by those MET links rather than listed. Other nodes list every linked entity.
// Evidence count per link: HOLDS_ROLE counts its evidence ids, MET the evidence of the shared events (stored on the
// link when it was built), any other link the evidence of its event or agreement end (else of the neighbour).
//
// A hub (a topic about a hundred thousand events) has that many neighbours, and the order (most evidence, then
// name, then id) needs each one's evidence: the first pass reads only that, keeps the page's rows in a top-k heap
// ($offset + $limit of them, not a sort of all), and the distinct neighbours are counted apart. Only the page's
// rows then read their links and what the panel shows.
MATCH (n:Entity {id: $id})
WITH n, NOT n.type IN $actorTypes AS listsEvents,
     CASE WHEN n:Event OR n:Agreement THEN COUNT { (n)-[:EVIDENCED_BY]->() } END AS ownEvidence
CALL (n, listsEvents, ownEvidence) {
  // OPTIONAL: a node without neighbours still answers, with an empty page.
  OPTIONAL CALL (n, listsEvents, ownEvidence) {
    MATCH (n)-[m:MET]-(b:Entity)
    // Links built before the count was stored count it here.
    RETURN b, coalesce(m.evidence, COUNT { MATCH (e:Event)-[:EVIDENCED_BY]->() WHERE e.id IN m.events }) AS evidence
    UNION ALL
    MATCH (n)-[r:HOLDS_ROLE|AT|ABOUT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF|PARTICIPATED_IN]-(b:Entity)
    WHERE listsEvents OR NOT r:PARTICIPATED_IN
    RETURN b, CASE WHEN r:HOLDS_ROLE THEN size(coalesce(r.evidence, []))
                   ELSE coalesce(ownEvidence, COUNT { (b)-[:EVIDENCED_BY]->() }) END AS evidence
  }
  WITH b, sum(evidence) AS evidenceCount
  WHERE b IS NOT NULL
  ORDER BY evidenceCount DESC, b.name, b.id
  LIMIT $offset + $limit
  RETURN collect({b: b, evidenceCount: evidenceCount})[$offset..] AS slice
}
CALL (n, slice, listsEvents) {
  UNWIND slice AS row
  WITH n, row, row.b AS b
  // The links of one neighbour, read between the two ends (from the neighbour's side when the centre is a hub).
  CALL (n, b, listsEvents) {
    MATCH (n)-[m:MET]-(b)
    RETURN m AS link
    UNION ALL
    MATCH (n)-[r:HOLDS_ROLE|AT|ABOUT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF|PARTICIPATED_IN]-(b)
    WHERE listsEvents OR NOT r:PARTICIPATED_IN
    RETURN r AS link
  }
  WITH n, row, b, link, CASE WHEN n:Event OR n:Agreement THEN n ELSE b END AS cited
  WITH n, row, b, collect(CASE type(link)
      WHEN 'MET' THEN {kind: 'met', via: link.events, weight: coalesce(link.count, 1),
                       evidence: coalesce(link.evidence, COUNT { MATCH (e:Event)-[:EVIDENCED_BY]->() WHERE e.id IN link.events }),
                       source: CASE WHEN n.id < b.id THEN n.id ELSE b.id END}
      WHEN 'HOLDS_ROLE' THEN {kind: 'holds_role', via: ['holds_role'], weight: 1,
                              evidence: size(coalesce(link.evidence, [])), source: startNode(link).id}
      ELSE {kind: toLower(type(link)), via: [toLower(type(link))], weight: 1,
            evidence: COUNT { (cited)-[:EVIDENCED_BY]->() }, source: startNode(link).id}
    END) AS links
  RETURN collect({node: b {.id, .name, .type, .kind, degree: {{degree(b)}}}, links: links,
                  evidenceCount: row.evidenceCount}) AS page
}
// The distinct neighbours. A topic's or a place's neighbours are each joined to it by one link (events and
// agreements ABOUT a topic, events AT a place, the place IN_COUNTRY: contracts/vocabulary.ts's LINK_ENDS), so
// their number is the degree, read from the node's degree store in constant time (a topic at 1M has 148,000 links,
// and counting them one by one took longer than the page), less the quantities about a topic, which are not
// entities; they are found from their own side, a database holding far fewer quantities than a hub has links.
CALL (n, listsEvents) {
  WITH n WHERE n:Topic OR n:Place
  CALL (n) {
    MATCH (q:Quantity) USING SCAN q:Quantity
    MATCH (q)-[:ABOUT]->(about) WHERE about = n
    RETURN count(q) AS quantities
  }
  RETURN {{degree(n)}} - CASE WHEN n:Topic THEN quantities ELSE 0 END AS total
  UNION
  WITH n, listsEvents WHERE NOT (n:Topic OR n:Place)
  RETURN COUNT {
           MATCH (n)-[r:MET|HOLDS_ROLE|AT|ABOUT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF|PARTICIPATED_IN]-(b:Entity)
           WHERE listsEvents OR NOT r:PARTICIPATED_IN
           RETURN DISTINCT b
         } AS total
}
RETURN total, page, n {.id, .name, .type, .kind, degree: {{degree(n)}}} AS centre
