// @title Which agreements are there, and who are their parties?
// @description Every agreement with its kind, status, date, parties and the event that produced it.
MATCH (ag:Agreement)
OPTIONAL MATCH party = (:Entity)-[:PARTY_TO]->(ag)
OPTIONAL MATCH (e:Event)-[:PRODUCED]->(ag)
WITH ag, collect(DISTINCT party) AS partyPaths, collect(DISTINCT e.name) AS producedBy
RETURN ag.name AS agreement, ag.kind AS kind, ag.status AS status, ag.date AS date,
       [p IN partyPaths | head(nodes(p)).name] AS parties,
       producedBy, partyPaths AS links
ORDER BY ag.dateStart, agreement
