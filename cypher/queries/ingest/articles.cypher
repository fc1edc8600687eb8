// Upserts articles; a stored text is kept when a later load carries none.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.publisher = row.publisher, a.url = row.url, a.published = row.published,
    a.publishedPrecision = row.publishedPrecision, a.publishedNote = row.publishedNote, a.language = row.language,
    a.file = row.file, a.dateline = row.dateline,
    a.sha256 = coalesce(row.sha256, a.sha256),
    a.text = coalesce(row.text, a.text),
    a.publishedStart = CASE WHEN row.publishedStart IS NULL THEN null ELSE date(row.publishedStart) END
RETURN count(a) AS count
