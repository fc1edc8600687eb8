// The degree of an entity: its links to other entities. Read from the node's per-type degree store (constant
// time on a hub) instead of expanding every link and checking the label at its other end. Incoming ABOUT links
// are counted for topics only: elsewhere they come from quantities, which are not entities (a quantity about a
// topic is the one thing this counts that is not an entity).
// @param entity -- the Entity node counted
(COUNT { ({{entity}})-[:MET|PARTICIPATED_IN|HOLDS_ROLE|AT|PRODUCED|PARTY_TO|IN_COUNTRY|PART_OF]-() }
 + COUNT { ({{entity}})-[:ABOUT]->() }
 + CASE WHEN {{entity}}:Topic THEN COUNT { ({{entity}})<-[:ABOUT]-() } ELSE 0 END)
