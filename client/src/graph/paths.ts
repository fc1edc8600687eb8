/**
 * Shortest paths
 * ==============
 *
 * All shortest paths between two nodes of the drawn graph (edges read both ways), used when the server's
 * `/api/path` is unavailable, and the edges that join consecutive nodes of a path for highlighting.
 */
import type Graph from "graphology";

/** Every shortest path from `from` to `to` (at most `max`), as node id lists; [] when unconnected. */
export function allShortestPaths(graph: Graph, from: string, to: string, max = 12): string[][] {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  if (from === to) return [[from]];
  const parents = new Map<string, string[]>([[from, []]]);
  const depth = new Map<string, number>([[from, 0]]);
  let frontier = [from];
  while (frontier.length && !depth.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const m of graph.neighbors(node)) {
        if (!depth.has(m)) {
          depth.set(m, depth.get(node)! + 1);
          parents.set(m, [node]);
          next.push(m);
        } else if (depth.get(m) === depth.get(node)! + 1) {
          parents.get(m)!.push(node);
        }
      }
    }
    frontier = next;
  }
  if (!depth.has(to)) return [];
  const paths: string[][] = [];
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= max) return;
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    for (const p of parents.get(node) ?? []) walk(p, [node, ...suffix]);
  };
  walk(to, []);
  return paths;
}

/** Node and edge keys to highlight for `paths`. */
export function pathElements(graph: Graph, paths: string[][]): { nodes: Set<string>; edges: Set<string> } {
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
