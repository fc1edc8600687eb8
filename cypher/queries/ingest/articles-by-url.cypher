// Stored articles found at one of the given URLs: their link (the canonical or fetched URL), or a URL they were
// fetched from before (a feed's link that redirects or carries tracking parameters). A page fetched again (a batch
// resumed, a feed read a second time) is found before it is fetched.
MATCH (a:Article)
WHERE a.url IN $urls
RETURN a.url AS url, a.id AS id
UNION
MATCH (a:Article)
WHERE a.fetchedFrom IS NOT NULL
UNWIND a.fetchedFrom AS url
WITH a, url
WHERE url IN $urls
RETURN url, a.id AS id
