// Suggestions: stores the extractor's open questions once (merged on a hash id); a remembered decision with the
// same key (kind, normalised text, candidates) decides a new one at once. Returns the ids decided that way.
UNWIND $rows AS row
MERGE (s:Suggestion {id: row.id})
ON CREATE SET s.kind = row.kind, s.article = row.article, s.text = row.text, s.candidates = row.candidates,
              s.chosen = row.chosen, s.start = row.start, s.end = row.end, s.key = row.key,
              s.status = coalesce(row.status, 'open'), s.decidedBy = row.decidedBy, s.decidedAt = row.decidedAt,
              s.createdNow = true
WITH s, coalesce(s.createdNow, false) AS created
REMOVE s.createdNow
WITH s, created
OPTIONAL MATCH (d:Decision {key: s.key})
WITH s, created, d
WHERE created AND s.status = 'open' AND d IS NOT NULL AND $applyDecisions
SET s.status = d.outcome, s.chosen = coalesce(d.choice, s.chosen), s.decidedBy = 'decision:' + d.by,
    s.decidedAt = $now
RETURN s.id AS id
