// Whether any event or agreement lacks its stored evidence rank or holds a wrong one (the start-up migration's
// check, so a database already right is not written every start).
RETURN EXISTS {
  MATCH (n:Entity)
  WHERE (n:Event OR n:Agreement) AND (n.evidenceRank IS NULL OR n.evidenceRank <> {{evidence-rank(n)}})
} AS stale
