// Events by id (cypher/fragments/event.cypher), oldest first (undated last).
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN {{event(e)}} AS event
ORDER BY e.dateStart, e.id
