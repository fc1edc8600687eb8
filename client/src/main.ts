/**
 * Parley explorer entry
 * =====================
 *
 * Fetches the network, draws it with sigma, lays it out with ForceAtlas2, and signals readiness on
 * `document.body.dataset.ready` for people and tests alike.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import Sigma from "sigma";
import { ApiError, getJson } from "./api/client";
import { loadGraph } from "./graph/build";
import { TYPE_COLORS, TYPE_NAMES } from "./graph/style";
import { runLayout } from "./sigma/layout";
import "./styles.css";

const status = document.getElementById("status")!;
const container = document.getElementById("graph")!;
const legend = document.getElementById("legend")!;

function renderLegend(types: Set<string>): void {
  legend.replaceChildren(
    ...[...types].sort().map((type) => {
      const item = document.createElement("div");
      item.className = "legend-item";
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = TYPE_COLORS[type] ?? "#8c8c8c";
      item.append(swatch, document.createTextNode(TYPE_NAMES[type] ?? type));
      return item;
    }),
  );
}

async function start(): Promise<void> {
  const graph = new Graph({ multi: true, type: "mixed" });
  let data: SerializedGraph;
  try {
    data = await getJson<SerializedGraph>("/api/graph");
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : "The network could not be loaded.";
    status.classList.add("error");
    document.body.dataset.ready = "error";
    return;
  }
  loadGraph(graph, data);
  if (graph.order === 0) {
    status.textContent = "The database is empty: load data with `npm run load -- <file>`.";
    document.body.dataset.ready = "empty";
    return;
  }
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.7,
    labelGridCellSize: 120,
    zIndex: true,
  });
  renderLegend(new Set(graph.mapNodes((_n, a) => String(a.category))));
  status.textContent = `${graph.order} nodes, ${graph.size} links`;
  await runLayout(graph, 2_000);
  renderer.getCamera().animatedReset({ duration: 0 });
  renderer.refresh();
  (window as unknown as { parley: unknown }).parley = { graph, renderer };
  document.body.dataset.ready = "true";
}

void start();
