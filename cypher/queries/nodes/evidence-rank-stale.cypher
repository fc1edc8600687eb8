// Whether any event or agreement lacks its stored evidence rank or holds a wrong one, or any topic its stored count
// of agreements (the start-up migration's check, so a database already right is not written every start).
RETURN EXISTS {
         MATCH (n:Entity)
         WHERE (n:Event OR n:Agreement) AND (n.evidenceRank IS NULL OR n.evidenceRank <> {{evidence-rank(n)}})
       } OR EXISTS {
         MATCH (t:Topic)
         WHERE t.agreementsAbout IS NULL OR t.agreementsAbout <> {{agreements-about(t)}}
       } AS stale
