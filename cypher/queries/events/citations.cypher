// Evidence spans by id, with the metadata of the article they point into (cypher/fragments/citation.cypher).
UNWIND $ids AS id
MATCH (ev:Evidence {id: id})
RETURN {{citation(ev)}} AS citation
