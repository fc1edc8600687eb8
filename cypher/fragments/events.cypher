// The events an entity is involved in, one row each (a subquery body): took part in (actors), happened at
// (places, countries), is about (topics), produced (agreements). cypher/fragments/involves.cypher tests one event
// by the same links.
// @param entity -- the Entity node
// @param event -- the name of the variable each row returns the event as
MATCH ({{entity}})-[:PARTICIPATED_IN]->({{event}}:Event) RETURN {{event}}
UNION
MATCH ({{event}}:Event)-[:AT|ABOUT|PRODUCED]->({{entity}}) RETURN {{event}}
