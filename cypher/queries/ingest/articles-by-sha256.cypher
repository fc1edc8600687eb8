// Stored articles whose exact text has one of the given SHA-256 hashes: a text ingested again keeps its article's id.
MATCH (a:Article)
WHERE a.sha256 IN $hashes
RETURN a.sha256 AS sha256, a.id AS id
ORDER BY id
