// The events an entity is involved in, one row `e` each (a subquery body): took part in (actors), happened at
// (places, countries), is about (topics), produced (agreements). cypher/fragments/involves.cypher tests one event
// by the same links.
MATCH ({{node}})-[:PARTICIPATED_IN]->(e:Event) RETURN e
UNION
MATCH (e:Event)-[:AT|ABOUT|PRODUCED]->({{node}}) RETURN e
