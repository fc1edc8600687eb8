// Remembers a URL an article was fetched from (besides its link), so the next batch that meets it does not fetch it
// again; the list keeps the latest few.
MATCH (a:Article {id: $id})
WHERE a.url IS NULL OR a.url <> $url
WITH a, [u IN coalesce(a.fetchedFrom, []) WHERE u <> $url] AS others
SET a.fetchedFrom = (others + $url)[-$keep..]
RETURN count(a) AS count
