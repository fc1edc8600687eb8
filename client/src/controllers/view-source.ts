/**
 * View source
 * ===========
 *
 * Remembers where the graph on screen came from (the database overview, a Cypher query, or a file the user opened),
 * draws another graph through the same build path as `/api/graph` data (replace or add), and shows the banner that
 * leads back to the database view.
 */
import type { SerializedGraph } from "graphology-types";
import type { ViewSource } from "../graph/store";
import { loadGraph, positionsOf } from "../graph/build";
import { h } from "../ui/dom";
import { layoutBudget } from "../sigma/layout";
import { fitCamera } from "../sigma/renderer";
import type { ExplorerHost } from "./explorer-host";

// ---------------------------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------------------------

/** How new graph data joins the view. */
export type DrawMode = "replace" | "add";

const pairKey = (source: string, target: string, kind: unknown) =>
  `${String(kind)}|${source < target ? `${source}|${target}` : `${target}|${source}`}`;

/** `current` plus the nodes and edges of `extra` it lacks (an edge of the same kind between the same ends counts as present). */
export function mergeGraphs(current: SerializedGraph, extra: SerializedGraph): SerializedGraph {
  const nodes = new Set(current.nodes.map((n) => n.key));
  const edgeKeys = new Set(current.edges.map((e) => e.key));
  const pairs = new Set(current.edges.map((e) => pairKey(e.source, e.target, e.attributes?.kind)));
  return {
    ...current,
    nodes: [...current.nodes, ...extra.nodes.filter((n) => !nodes.has(n.key))],
    edges: [
      ...current.edges,
      ...extra.edges.filter(
        (e) => !(e.key && edgeKeys.has(e.key)) && !pairs.has(pairKey(e.source, e.target, e.attributes?.kind)),
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------------------

/**
 * Draws `data` in the explorer (replacing the view or adding to it) through loadGraph, the metrics and looks of
 * the database view, and a layout for nodes that have no place yet; resolves once drawn and settled.
 */
export async function drawGraph(
  host: ExplorerHost,
  data: SerializedGraph,
  options: { mode: DrawMode; source: ViewSource; keepFilePositions?: boolean },
): Promise<void> {
  const { graph, layout } = host;
  host.setReady("false");
  layout.stop();
  // A file brings its own layout; a query keeps the places of nodes already on screen so the picture stays put.
  const previous = options.keepFilePositions ? new Map() : positionsOf(graph);
  const next = options.mode === "add" ? mergeGraphs(graph.export(), data) : data;
  const placed = new Set(
    next.nodes
      .filter(
        (n) => previous.has(n.key) || (typeof n.attributes?.x === "number" && typeof n.attributes?.y === "number"),
      )
      .map((n) => n.key),
  );
  loadGraph(graph, next, previous);
  graph.replaceAttributes({ source: options.source.kind });
  host.resetEdits();
  host.showMessage(null);
  host.refreshDerived();
  const renderer = host.ensureRenderer();
  const unplaced = graph.order - graph.filterNodes((n) => placed.has(n)).length;
  if (unplaced > 0) await layout.settle(unplaced < graph.order * 0.2 ? 600 : layoutBudget(graph.order));
  renderer.refresh();
  // Fitted with the labels, so those of nodes on the edge stay readable (reads the refreshed positions).
  if (options.mode === "replace") void fitCamera(renderer, 0);
  setSource(host, options.source);
  host.refreshDerived();
  host.setReady(graph.order ? "true" : "empty");
}

/** Back to the database overview for the current filters. */
export async function backToDatabase(host: ExplorerHost): Promise<void> {
  setSource(host, { kind: "database" });
  await host.reload();
}

/** Records the source in the store and shows (or hides) the banner over the canvas. */
export function setSource(host: ExplorerHost, next: ViewSource): void {
  host.store.set({ source: next });
  document.querySelector(".stage > .view-banner")?.remove();
  document.body.dataset.source = next.kind;
  if (next.kind === "database") return;
  const text =
    next.kind === "query"
      ? `${next.added ? "Database view + query result" : "Query result"} · ${host.graph.order} nodes, ${host.graph.size} links`
      : `${next.name} (${next.format.toUpperCase()}, ${host.graph.order} nodes) · in this browser only`;
  const banner = h(
    "div",
    { class: "view-banner", role: "status", "data-testid": "view-banner", "data-source": next.kind },
    h("span", { class: "view-banner-text", text }),
    h("button", {
      type: "button",
      class: "button",
      "data-testid": "back-to-database",
      text: "Back to the database view",
      onclick: () => void backToDatabase(host),
    }),
  );
  document.querySelector(".stage")?.append(banner);
}
