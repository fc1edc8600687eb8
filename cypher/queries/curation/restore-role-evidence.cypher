// Restore: the evidence ids of roles (kept on HOLDS_ROLE, in their order).
UNWIND $rows AS row
MATCH (:Entity {id: row.person})-[r:HOLDS_ROLE {title: row.title}]->(:Entity {id: row.of})
SET r.evidence = row.evidence
RETURN count(r) AS count
