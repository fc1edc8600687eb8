/**
 * Bench page: sigma
 * =================
 *
 * Draws the bench graph with sigma in one of four modes: `default` (raw sigma 3, default settings), `big` (raw
 * sigma 3 with Parley's big-graph settings module), `parley` (the explorer's renderer module with the same
 * big-graph settings) and `sigma4` (raw sigma 4, default settings: the version the explorer does not use yet), and
 * exposes first-frame and panning measurements on `window.bench`.
 */
import Graph from "graphology";
import Sigma from "sigma";
import Sigma4 from "sigma4";
import { bigGraphMode } from "../../../client/src/sigma/big-graph-settings";
import { createRenderer } from "../../../client/src/sigma/renderer";
import { type BenchHandle, benchParams, makeBenchGraph, webglRenderer } from "./graph-data";

const { nodes, edges, mode } = benchParams();
const data = makeBenchGraph(nodes, edges);
const graph = new Graph({ type: "mixed", multi: true });
for (let i = 0; i < nodes; i++) {
  graph.addNode(String(i), {
    x: data.x[i],
    y: data.y[i],
    size: data.size[i],
    color: data.color[i],
    label: `Node ${i}`,
    degree: data.degree[i],
  });
}
for (let k = 0; k < data.edges.length / 2; k++)
  graph.addEdge(String(data.edges[2 * k]), String(data.edges[2 * k + 1]), { color: "#ccc", size: 1 });

const container = document.getElementById("graph")!;
let frames = 0;
let resolveFirst: (ms: number) => void = () => {};
const firstFrameMs = new Promise<number>((resolve) => (resolveFirst = resolve));

let renderer: Pick<Sigma, "on">;
if (mode === "sigma4") {
  renderer = new Sigma4(graph, container) as unknown as Pick<Sigma, "on">;
} else if (mode === "parley") {
  const theme = { background: "#ffffff", foreground: "#1d2430", panel: "#ffffff" } as Parameters<
    typeof createRenderer
  >[2];
  const big = bigGraphMode(graph);
  const parley = createRenderer(graph, container, theme, big.settings);
  big.attach(parley);
  renderer = parley;
} else if (mode === "big") {
  const big = bigGraphMode(graph);
  const raw = new Sigma(graph, container, big.settings);
  big.attach(raw);
  renderer = raw;
} else {
  renderer = new Sigma(graph, container);
}
// Sigma draws its first frame synchronously inside its constructor, before any listener can be attached: the
// first frame is on screen at the next animation frame after construction.
const constructed = performance.now();
requestAnimationFrame(() => resolveFirst(Math.max(constructed, performance.now())));
renderer.on("afterRender", () => {
  frames++;
});

const handle: BenchHandle = {
  firstFrameMs,
  renderer: webglRenderer(),
  frames: () => frames,
};
(window as unknown as { bench: BenchHandle }).bench = handle;
