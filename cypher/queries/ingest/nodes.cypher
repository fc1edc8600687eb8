// Upserts entities of one type; {{label}} is replaced by a label from the closed list of node types.
// Core fields are set after user properties so that they always win.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.createdAt = datetime()
REMOVE n:Person:Government:Organization:Country:Place:Agreement:Event:Topic
SET n += row.properties
SET n:{{label}}, n.type = row.type, n.kind = row.kind, n.name = row.name, n.aliases = row.aliases,
    n.aliasText = reduce(s = '', a IN row.aliases | s + ' ' + a), n.description = row.description,
    n.status = row.status, n.date = row.date, n.datePrecision = row.datePrecision, n.summary = row.summary,
    n.dateStart = CASE WHEN row.dateStart IS NULL THEN null ELSE date(row.dateStart) END,
    n.dateEnd = CASE WHEN row.dateEnd IS NULL THEN null ELSE date(row.dateEnd) END,
    n.x = row.x, n.y = row.y, n.updatedAt = datetime()
RETURN count(n) AS count
