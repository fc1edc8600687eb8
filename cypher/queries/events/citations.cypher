// Evidence spans by id with the article they point into. The article text itself is fetched separately, once per
// article, so a passage cited twenty times does not carry the whole text twenty times.
UNWIND $ids AS id
MATCH (ev:Evidence {id: id})
OPTIONAL MATCH (ev)-[:IN_ARTICLE]->(a:Article)
RETURN ev.id AS id, ev.paragraph AS paragraph, ev.start AS start, ev.end AS end, ev.by AS by,
       coalesce(ev.status, 'accepted') AS status,
       a {.id, .title, .publisher, .published, .url, hasText: a.text IS NOT NULL} AS article
