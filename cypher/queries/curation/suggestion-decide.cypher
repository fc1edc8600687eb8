// Suggestions: records a decision on suggestions and remembers it for later articles under its key.
MATCH (s:Suggestion)
WHERE s.id IN $ids
SET s.status = $outcome, s.chosen = coalesce($choice, s.chosen), s.decidedBy = $by, s.decidedAt = $at
WITH collect(s) AS decided
MERGE (d:Decision {key: $key})
SET d.kind = $kind, d.outcome = $outcome, d.choice = $choice, d.by = $by, d.at = $at
RETURN size(decided) AS count
