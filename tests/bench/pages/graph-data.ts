/**
 * Bench graph data
 * ================
 *
 * The same seeded graph for every page of the browser benchmark: clustered stored positions (no layout on load,
 * as the server ships them), heavy-tailed degrees from preferential attachment, mostly local edges.
 */
import { mulberry32 } from "../synthetic";

/** Nodes with positions and sizes, and edges as index pairs. */
export interface BenchGraph {
  x: Float32Array;
  y: Float32Array;
  size: Float32Array;
  color: string[];
  degree: Uint32Array;
  edges: Uint32Array;
}

const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];

/** Builds `nodes` nodes and about `edges` edges from `seed`. */
export function makeBenchGraph(nodes: number, edges: number, seed = 1): BenchGraph {
  const rng = mulberry32(seed);
  const clusters = Math.max(4, Math.round(Math.sqrt(nodes) / 6));
  const cx = Array.from({ length: clusters }, () => (rng() - 0.5) * 2000);
  const cy = Array.from({ length: clusters }, () => (rng() - 0.5) * 2000);
  const x = new Float32Array(nodes);
  const y = new Float32Array(nodes);
  const cluster = new Uint32Array(nodes);
  const members: number[][] = Array.from({ length: clusters }, () => []);
  for (let i = 0; i < nodes; i++) {
    const c = Math.floor(rng() * clusters);
    cluster[i] = c;
    members[c]!.push(i);
    const r = 150 * Math.sqrt(-2 * Math.log(1 - rng() * 0.999));
    const a = rng() * 2 * Math.PI;
    x[i] = cx[c]! + r * Math.cos(a);
    y[i] = cy[c]! + r * Math.sin(a);
  }
  // Preferential attachment inside clusters (85 %), uniform across clusters otherwise.
  const urn: number[] = [];
  const degree = new Uint32Array(nodes);
  const pairs = new Uint32Array(edges * 2);
  for (let k = 0; k < edges; k++) {
    const s = urn.length > 0 && rng() < 0.5 ? urn[Math.floor(rng() * urn.length)]! : Math.floor(rng() * nodes);
    const local = members[cluster[s]!]!;
    let t = rng() < 0.85 ? local[Math.floor(rng() * local.length)]! : Math.floor(rng() * nodes);
    if (t === s) t = (s + 1) % nodes;
    pairs[2 * k] = s;
    pairs[2 * k + 1] = t;
    degree[s]!++;
    degree[t]!++;
    urn.push(s, t);
  }
  const size = new Float32Array(nodes);
  const color: string[] = [];
  for (let i = 0; i < nodes; i++) {
    size[i] = 2 + Math.min(18, Math.sqrt(degree[i]!));
    color.push(PALETTE[cluster[i]! % PALETTE.length]!);
  }
  return { x, y, size, color, degree, edges: pairs };
}

/** Query parameters shared by the pages. */
export function benchParams(): { nodes: number; edges: number; mode: string } {
  const q = new URLSearchParams(location.search);
  return {
    nodes: Number(q.get("nodes") ?? 5000),
    edges: Number(q.get("edges") ?? 25000),
    mode: q.get("mode") ?? "default",
  };
}

/** The unmasked WebGL renderer string, so software and GPU runs are never mixed up. */
export function webglRenderer(): string {
  const gl =
    document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
  if (!gl) return "no WebGL";
  const ext = gl.getExtension("WEBGL_debug_renderer_info");
  return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

/** What each page exposes to the driver on `window.bench`. */
export interface BenchHandle {
  firstFrameMs: Promise<number>;
  renderer: string;
  /** Frames the renderer actually drew so far (sigma `afterRender`, vis-network `afterDrawing`). */
  frames(): number;
}
