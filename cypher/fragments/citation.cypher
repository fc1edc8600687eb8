// An evidence span, its note (the curator's summary of the passage), and the metadata of the article it points into
// (whether the article has a stored text, not the text itself: that is fetched once per article).
// @param evidence -- the Evidence node
{{evidence}} {.id, .paragraph, .start, .end, .by, .note, status: coalesce({{evidence}}.status, 'accepted'),
  article: head([({{evidence}})-[:IN_ARTICLE]->(citedArticle:Article) |
                 citedArticle {.id, .title, .publisher, .published, .url, .file, hasText: citedArticle.text IS NOT NULL}])}
