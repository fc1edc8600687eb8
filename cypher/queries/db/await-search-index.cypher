// Waits until the eventually consistent full-text index holds every committed write (see db/database.ts).
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
