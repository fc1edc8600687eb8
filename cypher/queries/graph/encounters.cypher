// Events that pass the explorer's event filters, oldest first, reduced to what a comparison of two periods counts:
// their kind, who took part in which role, and the agreements they produced (no names, dates, places or topics).
MATCH (e:Event)
WHERE {{event-filters(e)}}
WITH e ORDER BY e.dateStart, e.id LIMIT $maxEvents
RETURN e.id AS id, e.kind AS kind,
       [(actor:Entity)-[p:PARTICIPATED_IN]->(e) | {id: actor.id, role: coalesce(p.role, 'participant')}] AS participants,
       [(e)-[:PRODUCED]->(agreement:Agreement) | agreement.id] AS produced
