// Neighbours of a node, paged. An actor's neighbours are the actors it met (the MET projection, via event ids)
// and what it is structurally linked to (roles, agreements, membership, countries); events it took part in are
// represented by those MET links rather than listed. Other nodes list every linked entity.
// Evidence count per link: HOLDS_ROLE counts its evidence ids, MET the evidence of the shared events (stored on the
// link when it was built), any other link the evidence of its event or agreement end (else of the neighbour).
// Order: most evidence, then name, then id; $limit rows from $offset.
//
// Two ways to the same page, as node-events.cypher. Most nodes have a few hundred neighbours: each one's evidence
// is read and the page's rows kept in a top-k heap ($offset + $limit of them, not a sort of all). A hub (a topic
// about a hundred thousand events, a capital city) is reached by events and agreements through incoming AT and
// ABOUT links, each of them joined to it by that one link (contracts/vocabulary.ts's LINK_ENDS), so that its
// evidence is its own citations, stored negated on it as `evidenceRank` (cypher/fragments/evidence-rank.cypher).
// Its page is read in that order from the event_evidence_rank index (rank, then name), checking each entry's link
// to the hub, until $offset + $limit are found, and for a topic from agreement_evidence_rank the same way; the
// entries that share the last one's rank and name are read too, as the id breaks that tie. The hub's few other links (a place's country, a country's partners) are read by typed
// expansions, and both sets are merged and sorted. The walk reads about ($offset + $limit) * ranked / hubLinks
// index entries, a few times the cost of a neighbour read the plain way, so it is taken when
// 4 * ($offset + $limit) * ranked < hubLinks². $walk 'always' and 'never' let tests compare both ways.
MATCH (n:Entity {id: $id})
CALL () { MATCH (x:Event) RETURN count(x) AS events }
CALL () { MATCH (x:Agreement) RETURN count(x) AS agreements }
WITH n, events + agreements AS ranked, NOT n.type IN $actorTypes AS listsEvents,
     CASE WHEN n:Event OR n:Agreement THEN COUNT { (n)-[:EVIDENCED_BY]->() } END AS ownEvidence,
     // From the node's degree store: constant time on a hub. Only topics, places and countries have any.
     COUNT { (n)<-[:AT|ABOUT]-() } AS hubLinks
WITH n, listsEvents, ownEvidence, hubLinks,
     ownEvidence IS NULL AND hubLinks > 0 AND
     CASE $walk WHEN 'always' THEN true WHEN 'never' THEN false
                ELSE 4 * ($offset + $limit) * ranked < hubLinks * hubLinks END AS dense
// Each way is a subquery of its own that answers one row, an empty slice when not taken (an ungrouped collect).
CALL (n, listsEvents, ownEvidence, dense) {
  WITH n, listsEvents, ownEvidence WHERE NOT dense
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
  RETURN collect({b: b, evidenceCount: evidenceCount})[$offset..] AS plainSlice
}
CALL (n, listsEvents, dense) {
  WITH n, listsEvents WHERE dense
  // The page's events, then its agreements (about a topic only), in index order, each with those tied with its
  // last one on rank and name. Each collects inside its own subquery: an ungrouped collect answers one row, an
  // empty list when none; the UNWINDs skip a subquery that does not apply.
  CALL (n) {
    CALL (n) {
      MATCH (b:Event)
      WHERE b.evidenceRank IS NOT NULL AND b.name IS NOT NULL AND EXISTS { (b)-[:AT|ABOUT]->(n) }
      RETURN b ORDER BY b.evidenceRank, b.name LIMIT $offset + $limit
    }
    RETURN collect(b) AS events
  }
  CALL (n, events) {
    UNWIND events[-1..] AS last
    MATCH (b:Event)
    WHERE b.evidenceRank = last.evidenceRank AND b.name = last.name AND EXISTS { (b)-[:AT|ABOUT]->(n) }
    RETURN collect(b) AS eventTies
  }
  CALL (n) {
    UNWIND CASE WHEN n:Topic THEN [n] ELSE [] END AS topic
    CALL (topic) {
      MATCH (b:Agreement)
      WHERE b.evidenceRank IS NOT NULL AND b.name IS NOT NULL AND EXISTS { (b)-[:ABOUT]->(topic) }
      RETURN b ORDER BY b.evidenceRank, b.name LIMIT $offset + $limit
    }
    RETURN collect(b) AS agreements
  }
  CALL (n, agreements) {
    UNWIND agreements[-1..] AS last
    MATCH (b:Agreement)
    WHERE b.evidenceRank = last.evidenceRank AND b.name = last.name AND EXISTS { (b)-[:ABOUT]->(n) }
    RETURN collect(b) AS agreementTies
  }
  WITH n, listsEvents, events, agreements, eventTies + agreementTies AS tied
  CALL (n, listsEvents, events, agreements, tied) {
    // The tied entries include the heads' last ones.
    UNWIND events + agreements + [b IN tied WHERE NOT b IN events + agreements] AS b
    RETURN b, -b.evidenceRank AS evidence
    UNION ALL
    // The hub's other links, from its side: not the incoming AT and ABOUT links, which are the walk's.
    MATCH (n)-[m:MET]-(b:Entity)
    RETURN b, coalesce(m.evidence, COUNT { MATCH (e:Event)-[:EVIDENCED_BY]->() WHERE e.id IN m.events }) AS evidence
    UNION ALL
    MATCH (n)-[r:HOLDS_ROLE|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF|PARTICIPATED_IN]-(b:Entity)
    WHERE listsEvents OR NOT r:PARTICIPATED_IN
    RETURN b, CASE WHEN r:HOLDS_ROLE THEN size(coalesce(r.evidence, []))
                   ELSE COUNT { (b)-[:EVIDENCED_BY]->() } END AS evidence
    UNION ALL
    MATCH (n)-[:AT|ABOUT]->(b:Entity)
    RETURN b, COUNT { (b)-[:EVIDENCED_BY]->() } AS evidence
  }
  WITH b, sum(evidence) AS evidenceCount
  ORDER BY evidenceCount DESC, b.name, b.id
  LIMIT $offset + $limit
  RETURN collect({b: b, evidenceCount: evidenceCount})[$offset..] AS walkedSlice
}
WITH n, listsEvents, ownEvidence, hubLinks, CASE WHEN dense THEN walkedSlice ELSE plainSlice END AS slice
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
// The distinct neighbours. Events and agreements reach a node through incoming AT and ABOUT links one each
// (LINK_ENDS), so their number is read from the node's degree store in constant time (a topic at 1M has 148,000
// links, and counting them one by one took longer than the page), less the quantities about a topic, which are not
// entities; they are found from their own side, a database holding far fewer quantities than a hub has links. The
// node's other neighbours, few on a hub, are counted by typed expansions.
CALL (n, listsEvents, ownEvidence, hubLinks) {
  WITH n, hubLinks WHERE ownEvidence IS NULL AND hubLinks > 0
  CALL (n) {
    MATCH (q:Quantity) USING SCAN q:Quantity
    MATCH (q)-[:ABOUT]->(about) WHERE about = n
    RETURN count(q) AS quantities
  }
  RETURN hubLinks - quantities + COUNT {
           MATCH (n)-[r:MET|HOLDS_ROLE|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF|PARTICIPATED_IN]-(b:Entity)
           WHERE listsEvents OR NOT r:PARTICIPATED_IN
           RETURN b
           UNION
           MATCH (n)-[:AT|ABOUT]->(b:Entity)
           RETURN b
         } AS total
  UNION
  WITH n, listsEvents WHERE NOT (ownEvidence IS NULL AND hubLinks > 0)
  RETURN COUNT {
           MATCH (n)-[r:MET|HOLDS_ROLE|AT|ABOUT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF|PARTICIPATED_IN]-(b:Entity)
           WHERE listsEvents OR NOT r:PARTICIPATED_IN
           RETURN DISTINCT b
         } AS total
}
RETURN total, page, n {.id, .name, .type, .kind, degree: {{degree(n)}}} AS centre
