// One entity with what its details panel shows: own properties, degree, the countries it belongs
// to (directly, or through a role or membership), roles held and held in it, agreements, parties, quantities, the
// ids of its own evidence, and the citations (cypher/fragments/citation.cypher) of all those ids, so the panel
// needs no second round trip. Role evidence ids live on HOLDS_ROLE (see docs/model.md). Its events are read by
// node-events.cypher, at the same time.
MATCH (n:Entity {id: $id})
CALL () { MATCH (g:Agreement) RETURN count(g) AS allAgreements }
CALL () { MATCH (q:Quantity) RETURN count(q) AS allQuantities }
// Agreements about a topic: a topic can be the subject of thousands (7,178 for the densest at 1M, among 148,000
// ABOUT links, nearly all from events). Its count is stored on it (cypher/fragments/agreements-about.cypher), and
// when reading the first $agreementsLimit by name from the agreement_name index, checking each one's link, costs
// less than expanding every ABOUT link (4 * limit * allAgreements < agreementsAbout * aboutLinks), they are read so:
// `walk`. Else, and for any other node, its agreements are expanded and sorted, as its quantities are then. $walk
// 'always' and 'never' let tests compare both ways.
WITH n, allAgreements, allQuantities, COUNT { (n)<-[:ABOUT]-() } AS aboutLinks,
     CASE WHEN n:Topic THEN n.agreementsAbout END AS agreementsAbout
WITH n, allQuantities, aboutLinks, agreementsAbout,
     agreementsAbout IS NOT NULL AND
     CASE $walk WHEN 'always' THEN true WHEN 'never' THEN false
                ELSE 4 * $agreementsLimit * allAgreements < agreementsAbout * aboutLinks END AS walk
// Quantities (and, unless walking, agreements) about n: each subquery answers one row (an ungrouped collect), the
// empty list when not taken. A walk reads the quantities from their side when they are fewer than n's ABOUT links.
CALL (n, walk) {
  RETURN CASE WHEN walk THEN [] ELSE [(x)-[:ABOUT]->(n) WHERE x:Quantity OR x:Agreement | x] END AS expanded
}
CALL (n, walk, aboutLinks, allQuantities) {
  WITH n WHERE walk
  CALL (n, aboutLinks, allQuantities) {
    WITH n WHERE aboutLinks <= allQuantities
    MATCH (q:Quantity)-[:ABOUT]->(n)
    RETURN q
    UNION
    WITH n WHERE aboutLinks > allQuantities
    MATCH (q:Quantity) USING SCAN q:Quantity
    MATCH (q)-[:ABOUT]->(about) WHERE about = n
    RETURN q
  }
  RETURN collect(q) AS quantitiesAbout
}
WITH n, walk, agreementsAbout, CASE WHEN walk THEN quantitiesAbout ELSE expanded END AS about
WITH n, walk, agreementsAbout, about,
     [(n)-[r:HOLDS_ROLE]->(o:Entity) |
       {title: r.title, since: r.since, until: r.until, asOf: r.asOf, evidence: coalesce(r.evidence, []),
        of: o {.id, .name, .type, .kind}}] AS roles,
     [(p:Entity)-[r:HOLDS_ROLE]->(n) |
       {title: r.title, since: r.since, until: r.until, asOf: r.asOf, evidence: coalesce(r.evidence, []),
        holder: p {.id, .name, .type, .kind}}] AS holders,
     [q IN about WHERE q:Quantity |
       q {.id, .measure, .value, .unit, .period, .qualifier, .asOf, evidence: [(q)-[:EVIDENCED_BY]->(qe:Evidence) | qe.id]}] AS quantities,
     [(n)-[:EVIDENCED_BY]->(ev:Evidence) | ev.id] AS evidence
// Agreements, the first $agreementsLimit by name with their count. Pattern comprehensions keep the expansions
// starting at n, whatever the planner thinks of the other end.
CALL (n, about, walk) {
  WITH n, about WHERE NOT walk
  UNWIND [(n)-[:PARTY_TO]->(g:Agreement) | g] + [(n)-[:PRODUCED]->(g:Agreement) | g] + [g IN about WHERE g:Agreement] AS g
  WITH DISTINCT g ORDER BY g.name, g.id
  RETURN collect(g) AS found
}
// A topic's agreements are those about it (contracts/vocabulary.ts's LINK_ENDS: parties are actors, producers
// events): the first by name in index order, and those sharing the last one's name (the id breaks that tie).
// (The UNWIND skips the walk when not taken: a filter on `walk` alone was planned after the index scan.)
CALL (n, walk) {
  UNWIND CASE WHEN walk THEN [n] ELSE [] END AS topic
  CALL (topic) {
    MATCH (g:Agreement) WHERE g.name IS NOT NULL AND EXISTS { (g)-[:ABOUT]->(topic) }
    RETURN g ORDER BY g.name LIMIT $agreementsLimit
  }
  RETURN collect(g) AS head
}
CALL (n, head) {
  UNWIND head[-1..] AS last
  MATCH (g:Agreement) WHERE g.name = last.name AND EXISTS { (g)-[:ABOUT]->(n) }
  RETURN collect(g) AS tied
}
CALL (head, tied) {
  UNWIND head + [g IN tied WHERE NOT g IN head] AS g
  WITH g ORDER BY g.name, g.id
  RETURN collect(g) AS walked
}
WITH n, roles, holders, quantities, evidence,
     CASE WHEN walk THEN agreementsAbout ELSE size(found) END AS agreementsTotal,
     [g IN (CASE WHEN walk THEN walked ELSE found END)[0..$agreementsLimit] | g {.id, .name, .type, .kind}] AS agreements
RETURN n {.*} AS props,
       {{degree(n)}} AS degree,
       [(n)-[:IN_COUNTRY|HOLDS_ROLE|PART_OF*1..2]->(c:Country) WHERE c <> n | c {.id, .name, .type, .kind}] AS countries,
       roles,
       holders,
       agreements,
       agreementsTotal,
       [(a:Entity)-[:PARTY_TO]->(n) | a {.id, .name, .type, .kind}] AS parties,
       quantities,
       evidence,
       COLLECT {
         UNWIND evidence + reduce(ids = [], r IN roles + holders | ids + r.evidence) +
                reduce(ids = [], q IN quantities | ids + q.evidence) AS evidenceId
         WITH DISTINCT evidenceId
         MATCH (ownCitation:Evidence {id: evidenceId})
         RETURN {{citation(ownCitation)}}
       } AS citations
