// Every write through Parley ends with this, in its own transaction: the data version that backups compare before
// and after reading (a backup that saw a change is read again). One node, so writes queue here only at commit.
MERGE (s:ParleyState {key: 'parley'})
  ON CREATE SET s.version = 0, s.writers = 0, s.ready = true, s.phase = 'ready'
SET s.version = s.version + 1
