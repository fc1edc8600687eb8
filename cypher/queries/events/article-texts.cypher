// Stored texts of the given articles (those without a text are left out), for cutting cited passages.
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE a.text IS NOT NULL
RETURN a.id AS id, a.text AS text
