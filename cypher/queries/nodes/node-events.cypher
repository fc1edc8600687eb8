// One page of the events an entity is involved in (cypher/fragments/events.cypher): oldest first, undated last,
// then by id; $limit from $offset, as event maps (cypher/fragments/event.cypher), one row each with the total. A
// page past the end is one row without an event, so the total still comes back.
//
// Two ways to the same page. Most nodes have a few hundred events: all are read and sorted. A dense node (a topic
// or a capital city, with a large share of all events) would sort a hundred thousand events for 25; its page is
// read instead in date order from the event_date index, checking each event against the node
// (cypher/fragments/involves.cypher), until the page is full. The walk reads about
// ($offset + $limit) * allEvents / degree index entries at about four times the cost of an event sorted
// (measured at 1M), so it is taken when that is less than sorting all: when
// 4 * ($offset + $limit) * allEvents < degree². Events dated on the page's last day may continue past it in id
// order, so all events of that day are read and sorted with the rest. When the walk runs out of dated events
// before the page is full (`complete` false), the caller asks again with $walk 'never'. $walk 'always' and
// 'never' let tests compare both ways.
MATCH (n:Entity {id: $id})
CALL () { MATCH (x:Event) RETURN count(x) AS allEvents }
WITH n, COUNT { (n)--() } AS degree, allEvents
WITH n, CASE $walk WHEN 'always' THEN true WHEN 'never' THEN false
                    ELSE 4 * ($offset + $limit) * allEvents < degree * degree END AS dense
CALL (n, dense) {
  WITH n WHERE NOT dense
  CALL (n) { {{events(n, e)}} }
  // Grouped by n: when the branch is not taken, no row comes out of it (an ungrouped collect would give one).
  WITH n, e ORDER BY e.dateStart, e.id
  WITH n, collect(e) AS events
  RETURN size(events) AS total, events[$offset..($offset + $limit)] AS page, true AS complete
  UNION
  WITH n WHERE dense
  CALL (n) {
    MATCH (e:Event) WHERE e.dateStart IS NOT NULL AND {{involves(n, e)}}
    RETURN e ORDER BY e.dateStart LIMIT $offset + $limit
  }
  WITH n, collect(e) AS head
  WITH n, head, CASE WHEN size(head) = 0 THEN null ELSE head[-1].dateStart END AS lastDay
  CALL (n, lastDay) {
    MATCH (e:Event) WHERE e.dateStart = lastDay AND {{involves(n, e)}}
    RETURN collect(e) AS sameDay
  }
  CALL (head, sameDay) {
    UNWIND head + sameDay AS e
    WITH DISTINCT e ORDER BY e.dateStart, e.id
    RETURN collect(e) AS events
  }
  // The total without walking every event (a topic's are a hundred thousand): each link type that reaches events
  // (contracts/vocabulary.ts's LINK_ENDS) counted from the node's degree store in constant time, less the
  // agreements about a topic (stored on it, cypher/fragments/agreements-about.cypher) and its quantities (from the
  // smaller side), which share ABOUT with events, and less the events a country both took part in and hosted,
  // found from the smaller of those two sides.
  WITH n, events, head, COUNT { (n)<-[:ABOUT]-() } AS aboutLinks
  CALL (n, aboutLinks) {
    WITH n WHERE aboutLinks > 0 AND n.agreementsAbout IS NOT NULL
    CALL (n, aboutLinks) {
      CALL (n, aboutLinks) {
        WITH n WHERE aboutLinks <= COUNT { MATCH (:Quantity) }
        MATCH (q:Quantity)-[:ABOUT]->(n)
        RETURN q
        UNION
        WITH n WHERE aboutLinks > COUNT { MATCH (:Quantity) }
        MATCH (q:Quantity) USING SCAN q:Quantity
        MATCH (q)-[:ABOUT]->(about) WHERE about = n
        RETURN q
      }
      RETURN count(q) AS quantities
    }
    RETURN aboutLinks - n.agreementsAbout - quantities AS eventsAbout
    UNION
    WITH n WHERE aboutLinks > 0 AND n.agreementsAbout IS NULL
    RETURN COUNT { MATCH (about:Event)-[:ABOUT]->(n) } AS eventsAbout
    UNION
    WITH n WHERE aboutLinks = 0
    RETURN 0 AS eventsAbout
  }
  WITH n, events, head,
       COUNT { (n)-[:PARTICIPATED_IN]->() } AS tookPart, COUNT { (n)<-[:AT]-() } AS hosted,
       COUNT { (n)<-[:PRODUCED]-() } + eventsAbout AS others
  WITH n, events, head, tookPart + hosted + others - CASE
         WHEN tookPart = 0 OR hosted = 0 THEN 0
         WHEN tookPart <= hosted THEN COUNT { MATCH (n)-[:PARTICIPATED_IN]->(both:Event) WHERE EXISTS { (both)-[:AT]->(n) } }
         ELSE COUNT { MATCH (both:Event)-[:AT]->(n) WHERE EXISTS { (n)-[:PARTICIPATED_IN]->(both) } }
       END AS total
  RETURN total, events[$offset..($offset + $limit)] AS page, size(head) = $offset + $limit AS complete
}
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS e
RETURN total, complete, CASE WHEN e IS NULL THEN null ELSE {{event(e)}} END AS event
