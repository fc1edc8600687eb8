// How many nodes carry a label ({{label}}, from the writer's closed list), from the count store (no scan): an import
// into a database without any need not look its ids up one by one (staged id checks, curation screening).
MATCH (n:{{label}})
RETURN count(n) AS count
