/**
 * Bench page: vis-network
 * =======================
 *
 * Draws the bench graph with vis-network (the canvas engine behind neovis.js): stored positions, physics off, no
 * captions, defaults otherwise; exposes the same measurements as the sigma page on `window.bench`.
 */
import { DataSet } from "vis-data";
import { Network } from "vis-network";
import { type BenchHandle, benchParams, makeBenchGraph, webglRenderer } from "./graph-data";

const { nodes, edges } = benchParams();
const data = makeBenchGraph(nodes, edges);
const nodeSet = new DataSet(
  Array.from({ length: nodes }, (_, i) => ({
    id: i,
    x: data.x[i],
    y: data.y[i],
    size: data.size[i],
    color: data.color[i],
    shape: "dot",
  })),
);
const edgeSet = new DataSet(
  Array.from({ length: data.edges.length / 2 }, (_, k) => ({
    id: k,
    from: data.edges[2 * k],
    to: data.edges[2 * k + 1],
  })),
);

let frames = 0;
let resolveFirst: (ms: number) => void = () => {};
const firstFrameMs = new Promise<number>((resolve) => (resolveFirst = resolve));
const network = new Network(document.getElementById("graph")!, { nodes: nodeSet, edges: edgeSet } as never, {
  physics: false,
  layout: { improvedLayout: false },
  edges: { smooth: false, color: "#cccccc" },
});
network.on("afterDrawing", () => {
  if (frames++ === 0) resolveFirst(performance.now());
});
// vis-network may have drawn inside its constructor; then the next animation frame shows it.
if (frames > 0) requestAnimationFrame(() => resolveFirst(performance.now()));

const handle: BenchHandle = {
  firstFrameMs,
  renderer: webglRenderer(),
  frames: () => frames,
};
(window as unknown as { bench: BenchHandle }).bench = handle;
