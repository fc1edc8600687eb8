// The citations (cypher/fragments/citation.cypher) of the given evidence ids; unknown ids are left out.
UNWIND $ids AS evidenceId
MATCH (citedEvidence:Evidence {id: evidenceId})
RETURN {{citation(citedEvidence)}} AS citation
