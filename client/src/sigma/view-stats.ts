/**
 * View statistics
 * ===============
 *
 * What is on screen, measured: the drawn nodes as discs in viewport pixels, the drawn edges, the labels of the last
 * frame, and how much the discs cover one another. Exposed as `window.parley.viewStats()` so tests (and people
 * checking a big graph) can tell a readable picture from a solid blob by numbers, not only by eye.
 */
import type Sigma from "sigma";
import { CULLED } from "./big-graph-settings";

/** A drawn node: its centre and radius in viewport (CSS) pixels. */
export interface Disc {
  x: number;
  y: number;
  r: number;
}

/** What is on screen. */
export interface ViewStats {
  /** Drawn nodes whose disc reaches into the canvas. */
  nodes: number;
  /** Drawn edges with at least one end among those nodes. */
  edges: number;
  /** Labels drawn in the last frame. */
  labels: number;
  /** Share of drawn nodes whose disc is more than half covered by another single disc (0 to 1). */
  overlap: number;
  discs: Disc[];
}

/** Area shared by two discs. */
export function discIntersectionArea(a: Disc, b: Disc): number {
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  if (d >= a.r + b.r) return 0;
  const small = Math.min(a.r, b.r);
  // One disc inside the other.
  if (d <= Math.abs(a.r - b.r)) return Math.PI * small * small;
  // The lens: two circular segments, one cut from each disc by the common chord.
  const r1 = a.r * a.r;
  const r2 = b.r * b.r;
  const alpha = Math.acos(Math.min(1, Math.max(-1, (d * d + r1 - r2) / (2 * d * a.r))));
  const beta = Math.acos(Math.min(1, Math.max(-1, (d * d + r2 - r1) / (2 * d * b.r))));
  return r1 * (alpha - Math.sin(2 * alpha) / 2) + r2 * (beta - Math.sin(2 * beta) / 2);
}

/** Is more than half of `disc`'s area under `other`? */
export function mostlyCovered(disc: Disc, other: Disc): boolean {
  if (disc.r <= 0) return false;
  return discIntersectionArea(disc, other) > 0.5 * Math.PI * disc.r * disc.r;
}

/**
 * The share of discs more than half covered by another single disc. Discs are bucketed in a grid so that only
 * neighbours are compared: thousands of nodes cost a few milliseconds, not a quadratic sweep.
 */
export function overlapShare(discs: readonly Disc[]): number {
  if (discs.length < 2) return 0;
  const radii = discs.map((d) => d.r).sort((a, b) => a - b);
  // Cells about two typical diameters wide: most discs sit in one to four cells.
  const cell = Math.max(1, 4 * radii[Math.floor(radii.length / 2)]!);
  const grid = new Map<string, number[]>();
  const cellsOf = (d: Disc): string[] => {
    const keys: string[] = [];
    for (let i = Math.floor((d.x - d.r) / cell); i <= Math.floor((d.x + d.r) / cell); i++)
      for (let j = Math.floor((d.y - d.r) / cell); j <= Math.floor((d.y + d.r) / cell); j++) keys.push(`${i}:${j}`);
    return keys;
  };
  discs.forEach((d, index) => {
    for (const key of cellsOf(d)) {
      const bucket = grid.get(key);
      if (bucket) bucket.push(index);
      else grid.set(key, [index]);
    }
  });
  let covered = 0;
  discs.forEach((d, index) => {
    for (const key of cellsOf(d)) {
      if (grid.get(key)!.some((other) => other !== index && mostlyCovered(d, discs[other]!))) {
        covered++;
        return;
      }
    }
  });
  return covered / discs.length;
}

/** Measures what `renderer` draws now; `labels` is the number of labels its last frame drew. */
export function viewStats(renderer: Sigma, labels: number): ViewStats {
  const { width, height } = renderer.getDimensions();
  const graph = renderer.getGraph();
  // The camera's own state, not the matrix of the last frame: a camera just set is measured before it is drawn.
  const cameraState = renderer.getCamera().getState();
  const discs: Disc[] = [];
  const onScreen = new Set<string>();
  const drawn = new Set<string>();
  graph.forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden || data.type === CULLED) return;
    drawn.add(node);
    const p = renderer.framedGraphToViewport(data, { cameraState });
    const r = renderer.scaleSize(data.size);
    if (p.x + r < 0 || p.y + r < 0 || p.x - r > width || p.y - r > height) return;
    onScreen.add(node);
    discs.push({ x: p.x, y: p.y, r });
  });
  let edges = 0;
  graph.forEachEdge((edge, _attributes, source, target) => {
    const data = renderer.getEdgeDisplayData(edge);
    if (!data || data.hidden || data.type === CULLED) return;
    if (!drawn.has(source) || !drawn.has(target)) return;
    if (onScreen.has(source) || onScreen.has(target)) edges++;
  });
  return { nodes: discs.length, edges, labels, overlap: overlapShare(discs), discs };
}
