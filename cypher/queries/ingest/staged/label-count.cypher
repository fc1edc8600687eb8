// How many live nodes carry a label ({{label}}, from the writer's closed list), from the count store (no scan): an
// import into a database without any need not look its ids up one by one.
MATCH (n:{{label}})
RETURN count(n) AS count
