// @title Which meetings were about a topic?
// @description Meetings, visits, talks, calls, signings and press conferences about the topic (its id or part of its name), with who took part.
// @param topic string = trade -- Topic (id or name, e.g. trade)
MATCH (e:Event)-[about:ABOUT]->(t:Topic)
WHERE (t.id = $topic OR toLower(t.name) CONTAINS toLower($topic))
  AND e.kind IN ['meeting', 'visit', 'talks', 'phone_call', 'signing', 'press_conference']
OPTIONAL MATCH took = (:Entity)-[:PARTICIPATED_IN]->(e)
WITH e, t, about, collect(took) AS took
RETURN e.name AS meeting, e.kind AS kind, e.date AS date, t.name AS topic,
       [p IN took | head(nodes(p)).name] AS participants, e, about, t, took
ORDER BY e.dateStart, meeting
