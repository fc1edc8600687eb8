// Staged import: new evidence spans in staged articles, supporting staged entities or quantities of this import.
UNWIND $rows AS row
MATCH (article:Staged {id: row.article, importId: $importId})
MATCH (subject:Staged {id: row.subject, importId: $importId})
MERGE (ev:Staged {id: row.id, importId: $importId})
ON CREATE SET ev.status = 'accepted', ev.createdAt = datetime()
SET ev.stagedLabels = 'Evidence', ev.article = row.article, ev.paragraph = row.paragraph, ev.start = row.start,
    ev.end = row.end, ev.by = row.by, ev.note = row.note, ev.subject = row.subject
MERGE (ev)-[:IN_ARTICLE]->(article)
MERGE (subject)-[:EVIDENCED_BY]->(ev)
RETURN count(ev) AS count
