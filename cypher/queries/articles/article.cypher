// One article's metadata and, when stored, its text.
MATCH (a:Article {id: $id})
RETURN a {.id, .title, .publisher, .url, .published, .publishedPrecision, .publishedNote, .language, .file, .text} AS article
