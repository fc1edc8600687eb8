// The server records how far its preparation of the database has come. `$starting` also clears the writer count
// that a process stopped in the middle of a batched statement left behind.
MERGE (s:ParleyState {key: 'parley'})
  ON CREATE SET s.version = 0, s.writers = 0
SET s.ready = $ready, s.phase = $phase, s.since = datetime(),
    s.writers = CASE WHEN $starting THEN 0 ELSE s.writers END
