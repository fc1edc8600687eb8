// Whether an event passes the explorer's event filters (the same for the overview, the timeline, the map and the
// comparison of periods): not rejected by curation, its span overlapping the time window ($from, $to as dates),
// one of $eventKinds, about one of $topics. Each parameter null means no filter.
// @param event -- the Event node tested
(coalesce({{event}}.status, 'accepted') <> 'rejected'
 AND ($from IS NULL OR coalesce({{event}}.dateEnd, {{event}}.dateStart) >= date($from))
 AND ($to IS NULL OR {{event}}.dateStart <= date($to))
 AND ($eventKinds IS NULL OR {{event}}.kind IN $eventKinds)
 AND ($topics IS NULL OR EXISTS { MATCH ({{event}})-[:ABOUT]->(filterTopic:Topic) WHERE filterTopic.id IN $topics }))
