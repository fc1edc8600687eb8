// Upserts entities of one type; {{label}} is replaced by a label from the closed list of node types.
// A node in "replace" mode (or a new one) gets the file's fields; an existing node in "extend" mode keeps its
// fields and only gains the file's name and aliases as aliases. User properties are set first, so core fields win.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.createdAt = datetime(), n.justCreated = true
// When Parley learned of it (server/modules/history): set once, kept by every later load.
SET n.knownFrom = coalesce(n.knownFrom, datetime())
WITH n, row, (n.justCreated IS NOT NULL OR NOT row.extend) AS replace
REMOVE n.justCreated
WITH n, row, replace
CALL (n, row, replace) {
  WITH n, row, replace
  WHERE replace
  REMOVE n:Person:Government:Organization:Country:Place:Agreement:Event:Topic
  SET n += row.properties
  SET n:{{label}}, n.type = row.type, n.kind = row.kind, n.name = row.name, n.aliases = row.aliases,
      n.aliasText = reduce(s = '', a IN row.aliases | s + ' ' + a), n.description = row.description,
      n.status = row.status, n.date = row.date, n.datePrecision = row.datePrecision, n.summary = row.summary,
      n.dateStart = CASE WHEN row.dateStart IS NULL THEN null ELSE date(row.dateStart) END,
      n.dateEnd = CASE WHEN row.dateEnd IS NULL THEN null ELSE date(row.dateEnd) END,
      n.x = row.x, n.y = row.y, n.updatedAt = datetime(),
      // Coordinates are settled again after the write (server/modules/places): the file's own, or the gazetteer's.
      n.lat = row.lat, n.lon = row.lon, n.geoSource = null, n.geoChecked = null, n.geoQuestion = null
}
CALL (n, row, replace) {
  WITH n, row, replace
  WHERE NOT replace
  WITH n, reduce(acc = coalesce(n.aliases, []), a IN [row.name] + row.aliases |
         CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END) AS aliases
  SET n.aliases = aliases, n.aliasText = reduce(s = '', a IN aliases | s + ' ' + a), n.updatedAt = datetime()
}
// The stored counts (server/modules/nodes): an event's or agreement's evidence rank (cypher/fragments/evidence-rank)
// and a topic's agreements (cypher/fragments/agreements-about), set again after the links are written; a new node
// has none yet, and a node whose type changed gains or loses them. A topic that has its count keeps it here.
SET n.evidenceRank = {{evidence-rank(n)}},
    n.agreementsAbout = CASE WHEN NOT n:Topic THEN null
                             WHEN n.agreementsAbout IS NOT NULL THEN n.agreementsAbout
                             ELSE {{agreements-about(n)}} END
RETURN count(n) AS count
