// Last pass of the import's MET refresh: removes the stamp from the touched actors.
UNWIND $actors AS actorId
MATCH (a:Entity {id: actorId})
REMOVE a.metRefresh
RETURN count(a) AS count
