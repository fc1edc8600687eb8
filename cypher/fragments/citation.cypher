// An evidence span with the metadata of the article it points into (whether the article has a stored text, not
// the text itself: that is fetched once per article).
{{node}} {.id, .paragraph, .start, .end, .by, status: coalesce({{node}}.status, 'accepted'),
  article: head([({{node}})-[:IN_ARTICLE]->(citedArticle:Article) |
                 citedArticle {.id, .title, .publisher, .published, .url, hasText: citedArticle.text IS NOT NULL}])}
