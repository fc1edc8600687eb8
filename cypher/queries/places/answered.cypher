// The place questions of `$ids` that the review queue answered at once (a remembered decision), with the choice.
MATCH (s:Suggestion)
WHERE s.id IN $ids AND s.status = 'accepted' AND s.chosen IS NOT NULL
RETURN s.id AS id, s.chosen AS chosen
