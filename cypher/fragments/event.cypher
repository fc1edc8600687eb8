// An event with everything an EventDto shows: place, topics, participants and their roles, agreements produced, and
// the citations of the event (span and article metadata, not the text, so a passage cited twenty times does not
// carry the whole text twenty times), and the articles that report it with what each says (REPORTED_BY). Used by
// every query that lists events; its pattern variables have long names so that they never clash with a variable of
// the query that uses it.
// @param event -- the Event node
{{event}} {.id, .name, .kind, .date, .datePrecision, .summary, dateStart: toString({{event}}.dateStart),
  place: head([({{event}})-[:AT]->(eventPlace:Entity) | eventPlace {.id, .name, .type, .kind}]),
  topics: [({{event}})-[:ABOUT]->(eventTopic:Topic) | eventTopic {.id, .name, .type, .kind}],
  participants: [(participant:Entity)-[participation:PARTICIPATED_IN]->({{event}}) |
                 participant {.id, .name, .type, .kind, role: participation.role}],
  agreements: [({{event}})-[:PRODUCED]->(producedAgreement:Agreement) | producedAgreement {.id, .name, .type, .kind}],
  citations: [({{event}})-[:EVIDENCED_BY]->(eventCitation:Evidence) | {{citation(eventCitation)}}],
  reports: [({{event}})-[eventReport:REPORTED_BY]->(reportArticle:Article) |
            {article: reportArticle {.id, .title, .publisher, .published, .url}, link: properties(eventReport),
             place: head(COLLECT { MATCH (reportPlace:Entity {id: eventReport.place})
                                   RETURN reportPlace {.id, .name, .type, .kind} }),
             participants: COLLECT { UNWIND coalesce(eventReport.participants, []) AS reportActorId
                                     MATCH (reportActor:Entity {id: reportActorId})
                                     RETURN reportActor {.id, .name, .type, .kind} }}]}
