// Citations Parley learned after a moment ($after), removed inside a transaction that is rolled back
// (server/modules/history): as of a date, a link or an event shows only the passages that backed it then. The
// events and agreements that cited them get their stored evidence rank again (cypher/fragments/evidence-rank.cypher).
MATCH (ev:Evidence)
WHERE ev.createdAt > datetime($after)
WITH ev, [(cites:Entity)-[:EVIDENCED_BY]->(ev) WHERE cites:Event OR cites:Agreement | cites] AS cited
DETACH DELETE ev
WITH collect(cited) AS cited
CALL (cited) {
  UNWIND reduce(all = [], c IN cited | all + c) AS cites
  WITH DISTINCT cites
  SET cites.evidenceRank = {{evidence-rank(cites)}}
}
