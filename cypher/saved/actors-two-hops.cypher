// @title Who is two meetings away from an actor?
// @description Actors the given actor never met but who met someone the actor met, and through whom.
// @param actor string = nechirvan-barzani -- Actor (id)
MATCH p = (a:Entity {id: $actor})-[:MET]-(via:Entity)-[:MET]-(other:Entity)
WHERE other <> a AND NOT (a)-[:MET]-(other)
RETURN other.name AS actor, collect(DISTINCT via.name) AS through, collect(p) AS paths
ORDER BY size(through) DESC, actor
