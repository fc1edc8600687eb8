// The database's state as Parley keeps it: readiness (for the command-line tools) and the data version (backups).
OPTIONAL MATCH (s:ParleyState {key: 'parley'})
RETURN s.ready AS ready, s.phase AS phase, toString(s.since) AS since, s.version AS version, s.writers AS writers
