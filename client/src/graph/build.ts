/**
 * DTO → graphology
 * ================
 *
 * Imports the API's serialised graph into the one graphology instance the app keeps, adding render attributes
 * (size, colour, program, initial position) beside the data attributes, never in place of them.
 */
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from "./attributes";
import type { Attributes, SerializedGraph } from "graphology-types";
import type { ColorBy, SizeBy } from "./store";
import { EDGE_COLORS, colorOf, communityColor, shapeOf } from "./style";

/** Positions by node id, kept across reloads so the picture does not jump when a filter changes. */
export type Positions = Map<string, { x: number; y: number }>;

/** The current positions of all nodes. */
export function positionsOf(graph: ExplorerGraph): Positions {
  const positions: Positions = new Map();
  graph.forEachNode((n, a) => positions.set(n, { x: a.x as number, y: a.y as number }));
  return positions;
}

/** A stable pseudo-random number in [0, 1) from a string, so first layouts are reproducible. */
export function hashUnit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/**
 * Clears `graph` and fills it from `data`. Nodes keep their previous position when known, else the stored one,
 * else start next to a placed neighbour or on a circle.
 */
export function loadGraph(graph: ExplorerGraph, data: SerializedGraph, previous: Positions = new Map()): void {
  // The server may send edges whose ends fell out of the budget; importing them would throw.
  const keys = new Set(data.nodes.map((n) => n.key));
  // Build in a scratch copy first: sigma listens to the real graph and needs x/y on every node it is told about.
  const scratch = graph.nullCopy();
  // Data from the server, a file or a snapshot is typed here, at the one door into the explorer's graph.
  scratch.import({
    ...data,
    edges: data.edges.filter((e) => keys.has(e.source) && keys.has(e.target)),
  } as SerializedGraph<NodeAttributes, EdgeAttributes>);
  placeNewNodes(scratch, previous);
  styleEdges(scratch);
  // Update in place rather than clear() + import(): sigma 3 loses track of nodes re-added in the same tick after a
  // clear ("node … can't be repaint"), while per-element events keep its index right.
  graph.clearEdges();
  graph.forEachNode((n) => {
    if (!scratch.hasNode(n)) graph.dropNode(n);
  });
  scratch.forEachNode((n, attrs) => {
    if (graph.hasNode(n)) graph.replaceNodeAttributes(n, attrs);
    else graph.addNode(n, attrs);
  });
  scratch.forEachEdge((e, attrs, source, target, _sa, _ta, undirected) => {
    if (undirected) graph.addUndirectedEdgeWithKey(e, source, target, attrs);
    else graph.addDirectedEdgeWithKey(e, source, target, attrs);
  });
}

/** Positions for nodes about to join `graph`, near a neighbour (through `edges`) that is already placed. */
export function positionsNear(
  graph: ExplorerGraph,
  keys: string[],
  edges: { source: string; target: string }[],
): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (let round = 0; round < 3; round++) {
    for (const key of keys) {
      if (out.has(key)) continue;
      for (const e of edges) {
        const other = e.source === key ? e.target : e.target === key ? e.source : null;
        if (!other) continue;
        const at = graph.hasNode(other) ? (graph.getNodeAttributes(other) as { x: number; y: number }) : out.get(other);
        if (at && typeof at.x === "number") {
          const angle = 2 * Math.PI * hashUnit(key);
          out.set(key, { x: at.x + 12 * Math.cos(angle), y: at.y + 12 * Math.sin(angle) });
          break;
        }
      }
    }
  }
  for (const key of keys)
    if (!out.has(key)) out.set(key, { x: 100 * (hashUnit(key) - 0.5), y: 100 * (hashUnit(`${key}y`) - 0.5) });
  return out;
}

/** Gives every node without x/y a position: its old one, a point near a placed neighbour, or one on a circle. */
export function placeNewNodes(graph: ExplorerGraph, previous: Positions = new Map()): void {
  const n = graph.order || 1;
  let i = 0;
  const pending: string[] = [];
  graph.forEachNode((node, attrs) => {
    const old = previous.get(node);
    if (old) graph.mergeNodeAttributes(node, old);
    else if (typeof attrs.x !== "number" || typeof attrs.y !== "number") pending.push(node);
  });
  for (const node of pending) {
    const placed = graph.neighbors(node).find((m) => typeof graph.getNodeAttribute(m, "x") === "number");
    const angle = 2 * Math.PI * hashUnit(node);
    if (placed) {
      const a = graph.getNodeAttributes(placed);
      graph.mergeNodeAttributes(node, {
        x: (a.x as number) + 10 * Math.cos(angle),
        y: (a.y as number) + 10 * Math.sin(angle),
      });
    } else {
      const t = (2 * Math.PI * i++) / n;
      graph.mergeNodeAttributes(node, {
        x: 100 * Math.cos(t) + hashUnit(node),
        y: 100 * Math.sin(t) + hashUnit(`${node}y`),
      });
    }
  }
}

/** @sigma/edge-curve's default curvature (not imported: that module needs WebGL, and this one runs in tests). */
const EDGE_CURVATURE = 0.25;

/**
 * Curvature for each edge that shares its two ends with others, spread symmetrically around the straight line
 * (wider the more there are, as in edge-curve's storybook); edges alone between their ends get none.
 */
export function parallelCurvatures(graph: ExplorerGraph): Map<string, number> {
  const groups = new Map<string, { edge: string; flip: boolean }[]>();
  graph.forEachEdge((edge, _a, source, target) => {
    const flip = source > target;
    const key = flip ? `${target}\u0000${source}` : `${source}\u0000${target}`;
    const group = groups.get(key) ?? [];
    group.push({ edge, flip });
    groups.set(key, group);
  });
  const curvatures = new Map<string, number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const half = (group.length - 1) / 2;
    const amplitude = 3.5;
    const max = amplitude * (1 - Math.exp(-Math.max(1, half) / amplitude)) * EDGE_CURVATURE;
    group.forEach(({ edge, flip }, i) => {
      // Offsets -half…half (an odd count keeps a straight middle edge); a reversed edge curves the other way.
      curvatures.set(edge, max * ((i - half) / Math.max(half, 0.5)) * (flip ? -1 : 1));
    });
  }
  return curvatures;
}

/** Up to this many edges, they are drawn opaque at full width. */
const SPARSE_EDGES = 2_000;

/**
 * How much of an edge's colour and width a graph of `edges` edges keeps: thousands of opaque, thick lines between
 * communities merge into one grey mass, while thin translucent ones add up to shade where they are many and still
 * show where they run. 1 up to SPARSE_EDGES, 0.32 at 20,000, never below 0.15.
 */
export function edgeDensityFade(edges: number): number {
  return Math.max(0.15, Math.min(1, Math.sqrt(SPARSE_EDGES / Math.max(1, edges))));
}

/**
 * `#rrggbb` with an alpha, premultiplied: sigma blends with (ONE, ONE_MINUS_SRC_ALPHA) onto a transparent layer that
 * the page composites as premultiplied, so a plain rgba colour would come out lighter than the background.
 */
function withAlpha(hex: string, alpha: number): string {
  if (alpha >= 1) return hex;
  const [r, g, b] = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * alpha));
  return `rgba(${r}, ${g}, ${b}, ${alpha.toFixed(2)})`;
}

/**
 * Edge thickness from the meeting count, colour from the relationship kind, curves for parallel edges; both
 * thinned out in a dense graph (edgeDensityFade).
 */
export function styleEdges(graph: ExplorerGraph): void {
  const curvatures = parallelCurvatures(graph);
  const fade = edgeDensityFade(graph.size);
  const width = 0.5 + 0.5 * fade;
  // Counts past 16 (a map of communities counts thousands of meetings per tie) are scaled into a thinner range.
  let heaviest = 0;
  graph.forEachEdge((_e, attrs) => {
    if (typeof attrs.weight === "number") heaviest = Math.max(heaviest, attrs.weight);
  });
  const scale = heaviest > 16 ? 6 / heaviest : 1;
  graph.forEachEdge((edge, attrs) => {
    const weight = (typeof attrs.weight === "number" ? attrs.weight : 1) * scale;
    const curvature = curvatures.get(edge);
    const render: Attributes = {
      size: width * (attrs.kind === "met" ? 1 + 1.6 * Math.sqrt(weight) : 0.8),
      color: withAlpha(EDGE_COLORS[String(attrs.kind)] ?? "#c9ced6", fade),
      type: curvature !== undefined ? "curved" : "line",
      curvature: curvature ?? 0,
    };
    graph.mergeEdgeAttributes(edge, render);
  });
}

/** Sets each node's `size` from the chosen metric and `color` from category or the community found on screen. */
export function styleNodes(graph: ExplorerGraph, sizeBy: SizeBy, colorBy: ColorBy): void {
  let max = 0;
  let maxMembers = 0;
  const metric = sizeBy === "betweenness" ? "metricBetweenness" : "metricDegree";
  graph.forEachNode((_n, a) => {
    max = Math.max(max, Number(a[metric] ?? 0));
    if (a.category === "community") maxMembers = Math.max(maxMembers, Number(a.members ?? 0));
  });
  graph.updateEachNodeAttributes(
    (_node, attrs) => {
      const value = Number(attrs[metric] ?? 0);
      const t = max > 0 ? Math.sqrt(value / max) : 0;
      const category = String(attrs.category);
      return {
        ...attrs,
        // Communities stand for their members: their area grows with how many they fold.
        size:
          category === "community"
            ? 8 + 20 * Math.sqrt(Number(attrs.members ?? 0) / Math.max(1, maxMembers))
            : (category === "event" ? 4 : 5) + 13 * t,
        color: colorBy === "community" ? communityColor(Number(attrs.metricCommunity ?? 0)) : colorOf(category),
        type: shapeOf(category),
      };
    },
    { attributes: ["size", "color", "type"] },
  );
}
