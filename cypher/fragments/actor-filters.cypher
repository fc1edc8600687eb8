// Whether an event has, when actor filters are set, at least one participant that passes them: of one of $kinds
// (type or kind), taking part in one of $roles, belonging to one of $countries (itself, directly, or through an
// office or body). Each parameter null means no filter.
// @param event -- the Event node tested
($kinds IS NULL AND $countries IS NULL AND $roles IS NULL OR EXISTS {
   MATCH (filterActor:Entity)-[filterRole:PARTICIPATED_IN]->({{event}})
   WHERE ($kinds IS NULL OR filterActor.type IN $kinds OR filterActor.kind IN $kinds)
     AND ($roles IS NULL OR coalesce(filterRole.role, 'participant') IN $roles)
     AND ($countries IS NULL OR (filterActor:Country AND filterActor.id IN $countries)
          OR EXISTS { MATCH (filterActor)-[:IN_COUNTRY|HOLDS_ROLE|PART_OF*1..2]->(filterCountry:Country)
                      WHERE filterCountry.id IN $countries })
 })
