// Suggestions: evidence of the given entities in an article that overlaps a character span.
MATCH (n:Entity)-[:EVIDENCED_BY]->(ev:Evidence {article: $article})
WHERE n.id IN $ids AND ev.start < $end AND ev.end > $start
RETURN DISTINCT ev.id AS id
