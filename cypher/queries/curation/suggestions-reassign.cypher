// Suggestions: an ambiguous mention decided for one candidate: evidence of the other candidates covering the
// mention's span in that article is relinked to the chosen one (the evidence itself is unchanged).
MATCH (s:Suggestion)
WHERE s.id IN $ids AND s.kind = 'ambiguous-mention' AND s.status = 'accepted' AND s.start IS NOT NULL
      AND s.chosen IS NOT NULL
MATCH (choice:Entity {id: s.chosen})
MATCH (other:Entity)-[l:EVIDENCED_BY]->(ev:Evidence {article: s.article})
WHERE other.id IN s.candidates AND other.id <> s.chosen AND ev.start < s.end AND ev.end > s.start
DELETE l
MERGE (choice)-[:EVIDENCED_BY]->(ev)
RETURN count(ev) AS count
