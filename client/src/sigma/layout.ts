/**
 * Layout
 * ======
 *
 * ForceAtlas2 in its web worker for a bounded time, settings inferred from the graph's size.
 */
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

/** Runs FA2 in a worker for `ms` milliseconds and resolves when it stopped. */
export function runLayout(graph: Graph, ms = 2_000): Promise<void> {
  if (graph.order < 2) return Promise.resolve();
  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: true, barnesHutOptimize: graph.order > 500 };
  const layout = new FA2LayoutSupervisor(graph, { settings });
  layout.start();
  return new Promise((resolve) =>
    setTimeout(() => {
      layout.kill();
      resolve();
    }, ms),
  );
}
