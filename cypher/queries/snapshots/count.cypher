// How many snapshots are stored (tests and stats).
MATCH (s:Snapshot) RETURN count(s) AS count
