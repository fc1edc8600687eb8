// Suggestions: an ambiguous mention decided for one candidate: evidence of the other candidates covering the
// mention's span in that article is relinked to the chosen one (the evidence itself is unchanged); both ends get
// their stored evidence rank again (cypher/fragments/evidence-rank.cypher).
MATCH (s:Suggestion)
WHERE s.id IN $ids AND s.kind = 'ambiguous-mention' AND s.status = 'accepted' AND s.start IS NOT NULL
      AND s.chosen IS NOT NULL
MATCH (choice:Entity {id: s.chosen})
MATCH (other:Entity)-[l:EVIDENCED_BY]->(ev:Evidence {article: s.article})
WHERE other.id IN s.candidates AND other.id <> s.chosen AND ev.start < s.end AND ev.end > s.start
DELETE l
MERGE (choice)-[:EVIDENCED_BY]->(ev)
WITH count(ev) AS count, collect(DISTINCT other) + collect(DISTINCT choice) AS touched
CALL (touched) {
  UNWIND touched AS cites
  WITH DISTINCT cites WHERE cites:Event OR cites:Agreement
  SET cites.evidenceRank = {{evidence-rank(cites)}}
}
RETURN count
