// Waits (up to 60 s) until every index is online, so that the first queries after the schema use them.
CALL db.awaitIndexes(60)
