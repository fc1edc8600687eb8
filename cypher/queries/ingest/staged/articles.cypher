// Staged import: new articles under the labels `Staged` and `StagedArticle` only (every read matches `Article`, so
// they stay invisible until the import is published). Their ids are new (checked before staging): CREATE, not MERGE.
UNWIND $rows AS row
CREATE (a:Staged:StagedArticle)
SET a.id = row.id, a.title = row.title, a.publisher = row.publisher, a.url = row.url,
    a.published = row.published, a.publishedPrecision = row.publishedPrecision, a.publishedNote = row.publishedNote,
    a.language = row.language, a.file = row.file, a.dateline = row.dateline, a.sha256 = row.sha256, a.text = row.text,
    a.publishedStart = CASE WHEN row.publishedStart IS NULL THEN null ELSE date(row.publishedStart) END
RETURN count(a) AS count
