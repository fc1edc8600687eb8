// Countries with coordinates by id: the visitors' countries that no event of the map was held in.
MATCH (n:Country)
WHERE n.id IN $ids AND n.lat IS NOT NULL
RETURN n.id AS id, n.name AS name, n.type AS type, coalesce(n.kind, n.type) AS kind, n.lat AS lat, n.lon AS lon,
       n.geoSource AS source
