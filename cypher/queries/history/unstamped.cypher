// Whether any entity or link between entities still lacks its known-from time (the start-up migration's check,
// so a stamped database is not scanned by a write every start).
RETURN EXISTS { MATCH (n:Entity) WHERE n.knownFrom IS NULL } AS nodes,
       EXISTS { MATCH (:Entity)-[r]->(:Entity) WHERE r.knownFrom IS NULL AND type(r) <> 'MET' } AS links
