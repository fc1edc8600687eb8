// Staged import: new entities of one type under `Staged` and {{stagingLabel}} (e.g. `StagedEvent`, from the
// writer's closed list); publish gives them `Entity` and their type label. Their ids are new and unique in the file
// (checked before staging): CREATE, not MERGE. Every field in the CREATE itself (a SET after it would make Neo4j
// buffer each batch; date(null) is null); the free properties follow in node-properties.cypher.
UNWIND $rows AS row
CREATE (n:Staged:{{stagingLabel}} {
  id: row.id, type: row.type, kind: row.kind, name: row.name, aliases: row.aliases,
  aliasText: reduce(s = '', a IN row.aliases | s + ' ' + a), description: row.description,
  status: row.status, date: row.date, datePrecision: row.datePrecision, summary: row.summary,
  dateStart: date(row.dateStart),
  dateEnd: date(row.dateEnd),
  x: row.x, y: row.y, lat: row.lat, lon: row.lon, createdAt: datetime(), updatedAt: datetime(), knownFrom: datetime(),
  // Events and agreements only (null elsewhere): their citations negated; topics only: the agreements about them.
  // Both counted by the writer.
  evidenceRank: toInteger(row.evidenceRank), agreementsAbout: toInteger(row.agreementsAbout)
})
RETURN count(n) AS count
