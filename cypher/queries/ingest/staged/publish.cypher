// Publishes the staged nodes under one staging label ({{stagingLabel}}, from the writer's closed list): they gain
// their real labels ({{labels}}, and with them constraints, indexes and visibility) and lose the staging ones. Only
// labels change, so this one transaction holds no property changes.
MATCH (n:{{stagingLabel}})
SET n:{{labels}}
REMOVE n:Staged:{{stagingLabel}}
RETURN count(n) AS count
