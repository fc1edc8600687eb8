// A reviewer's answer to a place question: the places that asked it get the chosen city's coordinates.
MATCH (n:Entity {geoQuestion: $question})
SET n.lat = $lat, n.lon = $lon, n.geoSource = 'curator'
REMOVE n.geoQuestion
RETURN n.id AS id
