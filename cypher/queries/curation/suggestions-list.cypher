// Suggestions: the queue by status, by article and position, with the candidates' names and the article title.
MATCH (s:Suggestion {status: $status})
WITH s ORDER BY s.article, s.start, s.id LIMIT $limit
OPTIONAL MATCH (a:Article {id: s.article})
CALL (s) {
  UNWIND s.candidates AS c
  OPTIONAL MATCH (n:Entity {id: c})
  RETURN collect(CASE WHEN n IS NULL THEN {id: c} ELSE n {.id, .name, .type, .kind} END) AS candidateNodes
}
RETURN s {.*, candidateNodes: candidateNodes, articleTitle: a.title} AS suggestion
