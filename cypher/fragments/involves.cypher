// Whether an event involves an entity, by the same links as cypher/fragments/events.cypher (which lists them):
// took part in, happened at, is about, produced. For walks over events that check each one.
// @param entity -- the Entity node
// @param event -- the Event node
(EXISTS { ({{entity}})-[:PARTICIPATED_IN]->({{event}}) } OR EXISTS { ({{event}})-[:AT|ABOUT|PRODUCED]->({{entity}}) })
