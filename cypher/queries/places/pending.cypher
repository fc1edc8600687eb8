// Places and countries whose coordinates are not settled yet (new, or stated afresh by an import), with what the
// gazetteer matches on: name, aliases, coordinates the import gave, and the countries they belong to, nearest first.
MATCH (n:Entity)
WHERE (n:Place OR n:Country) AND n.geoChecked IS NULL
CALL (n) {
  OPTIONAL MATCH chain = (n)-[:IN_COUNTRY*1..2]->(country:Country)
  WITH country, length(chain) AS hops
  ORDER BY hops
  RETURN collect(country {.name, aliases: coalesce(country.aliases, [])}) AS countries
}
RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, n.lat AS lat, n.lon AS lon,
       countries
