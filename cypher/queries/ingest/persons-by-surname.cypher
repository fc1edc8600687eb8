// Persons whose name ends in one of the given surnames ("Barzani"; "al-Sudani" for "Sudani"): the full-text index
// finds the names holding the word, and the last word must be it. For the review queue's "which of these is meant?".
UNWIND $surnames AS surname
CALL db.index.fulltext.queryNodes('entity_names', 'name:"' + surname + '"', {limit: 200}) YIELD node
WITH surname, node, toLower(last(split(trim(node.name), ' '))) AS lastWord
WHERE node:Person AND lastWord IN [toLower(surname), 'al-' + toLower(surname), 'el-' + toLower(surname)]
RETURN surname, collect(DISTINCT node.id)[..50] AS ids
