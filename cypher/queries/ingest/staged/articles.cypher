// Staged import: new articles under the `Staged` label only (every read matches `Article`, so they stay invisible
// until the import is published).
UNWIND $rows AS row
MERGE (a:Staged {id: row.id, importId: $importId})
SET a.stagedLabels = 'Article', a.title = row.title, a.publisher = row.publisher, a.url = row.url,
    a.published = row.published, a.publishedPrecision = row.publishedPrecision, a.publishedNote = row.publishedNote,
    a.language = row.language, a.file = row.file, a.dateline = row.dateline, a.sha256 = row.sha256, a.text = row.text,
    a.publishedStart = CASE WHEN row.publishedStart IS NULL THEN null ELSE date(row.publishedStart) END
RETURN count(a) AS count
