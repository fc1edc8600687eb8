// A statement that commits in many inner transactions (CALL … IN TRANSACTIONS) is about to run: counted as a
// writer until it ends, since its batches cannot carry the version bump themselves.
MERGE (s:ParleyState {key: 'parley'})
  ON CREATE SET s.version = 0, s.writers = 0, s.ready = true, s.phase = 'ready'
SET s.version = s.version + 1, s.writers = s.writers + 1
