// @title What happened at a place?
// @description Events held at the place (or at places in it, for a country or region), with their date, kind and participants.
// @param place string = tehran -- Place (id, e.g. tehran, bashmagh, erbil)
MATCH (pl:Entity {id: $place})
MATCH at = (e:Event)-[:AT]->(where:Entity)
WHERE where = pl OR (where)-[:IN_COUNTRY]->(pl)
OPTIONAL MATCH took = (:Entity)-[:PARTICIPATED_IN]->(e)
WITH e, at, where, collect(took) AS took
RETURN e.name AS event, e.kind AS kind, e.date AS date, where.name AS place,
       [p IN took | head(nodes(p)).name] AS participants, at, took
ORDER BY e.dateStart, event
