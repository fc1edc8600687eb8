// @title Who met an actor between two dates?
// @description Everyone who took part in a meeting, visit, talks, phone call, signing or press conference with the actor in the window, with the encounter and its date.
// @param actor string = hassan-rouhani -- Actor (id, e.g. hassan-rouhani)
// @param from date = 2018-01-01 -- From (YYYY-MM-DD)
// @param to date = 2018-12-31 -- To (YYYY-MM-DD)
MATCH p = (a:Entity {id: $actor})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Entity)
WHERE e.kind IN ['meeting', 'visit', 'talks', 'phone_call', 'signing', 'press_conference']
  AND other <> a
  AND e.dateEnd >= date($from) AND e.dateStart <= date($to)
RETURN other.name AS met, e.name AS encounter, e.kind AS kind, e.date AS date, p
ORDER BY e.dateStart, met
