// Curation: which of the given evidence nodes cite the given article (the citations a split-off report takes along).
UNWIND $ids AS id
MATCH (ev:Evidence {id: id})-[:IN_ARTICLE]->(:Article {id: $article})
RETURN ev.id AS id
ORDER BY id
