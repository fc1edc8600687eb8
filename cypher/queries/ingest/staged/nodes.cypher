// Staged import: new entities of one type under `Staged` and {{stagingLabel}} (e.g. `StagedEvent`, from the
// writer's closed list); publish gives them `Entity` and their type label. Their ids are new and unique in the file
// (checked before staging): CREATE, not MERGE. User properties are set first, so core fields win.
UNWIND $rows AS row
CREATE (n:Staged:{{stagingLabel}})
SET n += row.properties
SET n.id = row.id, n.type = row.type, n.kind = row.kind, n.name = row.name, n.aliases = row.aliases,
    n.aliasText = reduce(s = '', a IN row.aliases | s + ' ' + a), n.description = row.description,
    n.status = row.status, n.date = row.date, n.datePrecision = row.datePrecision, n.summary = row.summary,
    n.dateStart = CASE WHEN row.dateStart IS NULL THEN null ELSE date(row.dateStart) END,
    n.dateEnd = CASE WHEN row.dateEnd IS NULL THEN null ELSE date(row.dateEnd) END,
    n.x = row.x, n.y = row.y, n.createdAt = datetime(), n.updatedAt = datetime()
RETURN count(n) AS count
