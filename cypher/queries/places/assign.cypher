// Settles the coordinates of places and countries: where they are (null when unknown or asked in review), where
// that came from, which gazetteer version settled it, and the review question still open about it.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.lat = row.lat, n.lon = row.lon, n.geoSource = row.source, n.geoChecked = $version,
    n.geoQuestion = row.question
