/**
 * Path highlighting
 * =================
 *
 * The nodes and edges to highlight for the shortest paths `/api/path` found: the edges that join consecutive nodes
 * of a path, read both ways.
 */
import type { ExplorerGraph } from "./attributes";

/** Node and edge keys to highlight for `paths`. */
export function pathElements(graph: ExplorerGraph, paths: string[][]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const path of paths) {
    path.forEach((n) => nodes.add(n));
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1]!;
      const b = path[i]!;
      if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
      for (const e of graph.edges(a, b)) edges.add(e);
      for (const e of graph.edges(b, a)) edges.add(e);
    }
  }
  return { nodes, edges };
}
