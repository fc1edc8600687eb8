// A path through events as its node ids and the participation links along it, with their roles.
// @param path -- a path variable (p = …)
{ids: [pathNode IN nodes({{path}}) | pathNode.id],
 links: [pathLink IN relationships({{path}}) | {source: startNode(pathLink).id, target: endNode(pathLink).id, role: pathLink.role}]}
