// A path through events as its node ids and the participation links along it, with their roles.
{ids: [pathNode IN nodes({{node}}) | pathNode.id],
 links: [pathLink IN relationships({{node}}) | {source: startNode(pathLink).id, target: endNode(pathLink).id, role: pathLink.role}]}
