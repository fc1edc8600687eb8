// The whole who-met-whom projection as id pairs and encounter counts, for the level-of-detail summary.
MATCH (a:Entity)-[m:MET]->(b:Entity)
RETURN a.id AS source, b.id AS target, m.count AS count
