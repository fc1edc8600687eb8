// Where the events within the explorer's filters happened (the filters of /api/graph and /api/timeline, and with
// $actor only the events that involve that entity): per place or country with coordinates, its events and the
// countries its visitors came from (a guest's own country, or the nearest country of the office or body they
// belong to); events without a located place come back as one row with a null place. With $actor the events are
// read from the entity outwards (cypher/fragments/events.cypher), not tested one by one against it.
CALL () {
  MATCH (selected:Entity {id: $actor})
  CALL (selected) { {{events(selected, e)}} }
  RETURN e
  UNION
  MATCH (e:Event)
  WHERE $actor IS NULL
  RETURN e
}
WITH e
WHERE {{event-filters(e)}}
  AND {{actor-filters(e)}}
CALL (e) {
  OPTIONAL MATCH (e)-[:AT]->(at:Entity)
  WHERE at.lat IS NOT NULL
  RETURN head(collect(at)) AS located
}
CALL (e, located) {
  WITH e, located
  WHERE located IS NOT NULL AND e.kind = 'visit'
  MATCH (guest:Entity)-[p:PARTICIPATED_IN]->(e)
  WHERE p.role = 'guest'
  CALL (guest) {
    OPTIONAL MATCH way = (guest)-[:IN_COUNTRY|HOLDS_ROLE|PART_OF*1..2]->(home:Country)
    RETURN home ORDER BY length(way) LIMIT 1
  }
  WITH located, CASE WHEN guest:Country THEN guest ELSE home END AS origin
  WHERE origin IS NOT NULL AND origin.lat IS NOT NULL AND origin <> located
  RETURN collect(DISTINCT origin.id) AS origins
}
WITH located, count(e) AS events, collect(origins) AS originLists
RETURN located.id AS id, located.name AS name, located.type AS type, coalesce(located.kind, located.type) AS kind,
       located.lat AS lat, located.lon AS lon, located.geoSource AS source, events, originLists
