// Whether the full-text index of names is eventually consistent (null when there is no such index): an index an
// earlier Parley created without that option is dropped and created anew by the schema.
SHOW FULLTEXT INDEXES YIELD name, options
WHERE name = 'entity_names'
RETURN options.indexConfig['fulltext.eventually_consistent'] AS consistent
