// Whether the event `e` involves the entity {{node}}, by the same links as cypher/fragments/events.cypher (which
// lists them): took part in, happened at, is about, produced. For walks over events that check each one.
(EXISTS { ({{node}})-[:PARTICIPATED_IN]->(e) } OR EXISTS { (e)-[:AT|ABOUT|PRODUCED]->({{node}}) })
