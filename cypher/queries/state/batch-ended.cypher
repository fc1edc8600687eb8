// The batched statement ended (committed or failed): one writer less, and the version moves on.
MATCH (s:ParleyState {key: 'parley'})
SET s.version = s.version + 1, s.writers = CASE WHEN s.writers > 0 THEN s.writers - 1 ELSE 0 END
