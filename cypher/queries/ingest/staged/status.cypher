// The status of one staged import: publishing goes on only while it is still `staging` (a rollback at the next
// start may have taken it over).
MATCH (i:Import {id: $importId})
RETURN i.status AS status
