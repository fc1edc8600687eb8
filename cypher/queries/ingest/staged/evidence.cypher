// Staged import: new evidence spans in staged articles, supporting staged entities or quantities. Their ids are
// new and distinct (checked by the writer), so they and their two links are created, not merged.
UNWIND $rows AS row
MATCH (article:Staged {id: row.article})
MATCH (subject:Staged {id: row.subject})
CREATE (ev:Staged:StagedEvidence)
SET ev.id = row.id, ev.status = 'accepted', ev.createdAt = datetime(), ev.article = row.article,
    ev.paragraph = row.paragraph, ev.start = row.start, ev.end = row.end, ev.by = row.by, ev.note = row.note,
    ev.subject = row.subject
CREATE (ev)-[:IN_ARTICLE]->(article)
CREATE (subject)-[:EVIDENCED_BY]->(ev)
RETURN count(ev) AS count
