/**
 * Metrics
 * =======
 *
 * Degree, betweenness and louvain communities computed on the drawn graph (graphology-metrics and
 * graphology-communities-louvain), stored as metric attributes (attributes.ts) beside the server's data, so reducers,
 * legend and the metrics table can read them.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import type { MetricAttribute } from "./attributes";

/** Computes metrics for every node and merges them as `metricDegree`, `metricBetweenness`, `metricCommunity`. */
export function assignMetrics(graph: Graph): void {
  if (graph.order === 0) return;
  // Metrics want a simple undirected view: parallel edges and directions say nothing about centrality here.
  const simple = new Graph({ type: "undirected" });
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t && !simple.hasEdge(s, t)) simple.addEdge(s, t);
  });
  const betweenness = betweennessCentrality(simple, { normalized: true });
  let communities: Record<string, number> = {};
  try {
    communities = simple.size > 0 ? louvain(simple, { randomWalk: false }) : {};
  } catch {
    communities = {};
  }
  graph.updateEachNodeAttributes(
    (node, attrs) => ({
      ...attrs,
      metricDegree: simple.degree(node),
      metricBetweenness: betweenness[node] ?? 0,
      metricCommunity: communities[node] ?? 0,
    }),
    { attributes: ["metricDegree", "metricBetweenness", "metricCommunity"] },
  );
}

/** The `count` nodes with the highest value of `metric`, actors only (events and meta-nodes are not "central actors"). */
export function topNodes(
  graph: Graph,
  metric: MetricAttribute,
  count: number,
): { id: string; label: string; category: string; value: number }[] {
  const rows: { id: string; label: string; category: string; value: number }[] = [];
  graph.forEachNode((id, a) => {
    // Community meta-nodes stand for many actors; ranking them among actors would mislead.
    if (a.category === "event" || a.category === "place" || a.category === "topic" || a.category === "community")
      return;
    rows.push({ id, label: String(a.label ?? id), category: String(a.category), value: Number(a[metric] ?? 0) });
  });
  return rows.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)).slice(0, count);
}
