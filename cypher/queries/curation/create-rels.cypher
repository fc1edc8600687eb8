// Curation: recreates recorded relationships; {{type}}, {{from}} and {{to}} come from closed lists in the service.
UNWIND $rows AS row
MATCH (a:{{from}} {id: row.from})
MATCH (b:{{to}} {id: row.to})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN count(r) AS count
