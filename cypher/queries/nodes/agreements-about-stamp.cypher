// Start-up migration: topics whose stored count of agreements about them is missing or wrong get it
// (cypher/fragments/agreements-about.cypher), in committed batches.
MATCH (t:Topic)
WHERE t.agreementsAbout IS NULL OR t.agreementsAbout <> {{agreements-about(t)}}
CALL (t) {
  SET t.agreementsAbout = {{agreements-about(t)}}
} IN TRANSACTIONS OF 1000 ROWS
