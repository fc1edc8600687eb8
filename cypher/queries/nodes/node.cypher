// One entity with what its details panel shows: own properties, degree, the countries it belongs
// to (directly, or through a role or membership), roles held and held in it, agreements, parties, quantities, the
// ids of its own evidence, and the citations (cypher/fragments/citation.cypher) of all those ids, so the panel
// needs no second round trip. Role evidence ids live on HOLDS_ROLE (see docs/model.md). Its events are read by
// node-events.cypher, at the same time.
MATCH (n:Entity {id: $id})
// Quantities and agreements about n share one pass over the ABOUT links into it (a topic has a hundred thousand,
// from events).
WITH n, [(x)-[:ABOUT]->(n) WHERE x:Quantity OR x:Agreement | x] AS about
WITH n, about,
     [(n)-[r:HOLDS_ROLE]->(o:Entity) |
       {title: r.title, since: r.since, until: r.until, asOf: r.asOf, evidence: coalesce(r.evidence, []),
        of: o {.id, .name, .type, .kind}}] AS roles,
     [(p:Entity)-[r:HOLDS_ROLE]->(n) |
       {title: r.title, since: r.since, until: r.until, asOf: r.asOf, evidence: coalesce(r.evidence, []),
        holder: p {.id, .name, .type, .kind}}] AS holders,
     [q IN about WHERE q:Quantity |
       q {.id, .measure, .value, .unit, .period, .qualifier, .asOf, evidence: [(q)-[:EVIDENCED_BY]->(qe:Evidence) | qe.id]}] AS quantities,
     [(n)-[:EVIDENCED_BY]->(ev:Evidence) | ev.id] AS evidence
// Agreements: a topic can be the subject of thousands (7,178 for the densest at 1M: 630 KB of details, most of the
// time of the query), so the first $agreementsLimit by name come with their count. Pattern comprehensions keep the
// expansions starting at n, whatever the planner thinks of the other end.
CALL (n, about) {
  UNWIND [(n)-[:PARTY_TO]->(g:Agreement) | g] + [(n)-[:PRODUCED]->(g:Agreement) | g] + [g IN about WHERE g:Agreement] AS g
  WITH DISTINCT g ORDER BY g.name, g.id
  WITH collect(g) AS found
  RETURN size(found) AS agreementsTotal, [g IN found[0..$agreementsLimit] | g {.id, .name, .type, .kind}] AS agreements
}
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
