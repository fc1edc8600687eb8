// Whether a path through events may be walked: subjects and reporters of an event did not take part in it, and a
// rejected event did not happen.
// @param path -- a path variable (p = …)
(all(walkedLink IN relationships({{path}}) WHERE NOT coalesce(walkedLink.role, 'participant') IN ['subject', 'reporter'])
 AND all(walkedNode IN nodes({{path}}) WHERE coalesce(walkedNode.status, 'accepted') <> 'rejected' OR NOT walkedNode:Event))
