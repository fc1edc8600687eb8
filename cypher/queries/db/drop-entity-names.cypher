// Drops the full-text index of names, so that the schema creates it anew with today's options.
DROP INDEX entity_names
