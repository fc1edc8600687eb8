// @title How are two actors connected?
// @description The shortest chain of meetings, events, roles, agreements and places linking two actors (evidence and articles left out).
// @param from string = hassan-rouhani -- First actor (id)
// @param to string = masoud-pezeshkian -- Second actor (id)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:MET|PARTICIPATED_IN|HOLDS_ROLE|PARTY_TO|PRODUCED|AT|ABOUT|IN_COUNTRY|PART_OF*..10]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS chain, p
