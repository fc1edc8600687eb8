// Which of the given ids already exist as live nodes of one label ({{label}}: Entity, Article, Quantity or
// Evidence, from the writer's closed list). A staged import writes new ones apart and changes existing ones only
// when it publishes.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN id
