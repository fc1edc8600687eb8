// Remembers the URLs articles were fetched from (besides their links), so the next batch that meets one does not
// fetch it again; each article's list keeps the latest few.
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE a.url IS NULL OR a.url <> row.url
WITH a, row, [u IN coalesce(a.fetchedFrom, []) WHERE u <> row.url] AS others
SET a.fetchedFrom = (others + row.url)[-$keep..]
RETURN count(a) AS count
