// Whether a path through events may be walked: subjects and reporters of an event did not take part in it, and a
// rejected event did not happen.
(all(walkedLink IN relationships({{node}}) WHERE NOT coalesce(walkedLink.role, 'participant') IN ['subject', 'reporter'])
 AND all(walkedNode IN nodes({{node}}) WHERE coalesce(walkedNode.status, 'accepted') <> 'rejected' OR NOT walkedNode:Event))
