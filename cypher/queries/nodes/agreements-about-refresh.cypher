// Sets the stored count of agreements about the given topics again (cypher/fragments/agreements-about.cypher),
// after a write changed an agreement's ABOUT links; ids that are not topics are skipped.
UNWIND $ids AS id
MATCH (t:Topic {id: id})
WITH DISTINCT t
SET t.agreementsAbout = {{agreements-about(t)}}
RETURN count(t) AS count
