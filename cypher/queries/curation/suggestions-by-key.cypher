// Suggestions: the open ones with the same decision key (decided together).
MATCH (s:Suggestion {key: $key, status: 'open'})
RETURN s {.*} AS suggestion
ORDER BY s.id
