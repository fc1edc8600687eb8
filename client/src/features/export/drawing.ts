/**
 * The drawing as data
 * ===================
 *
 * What sigma shows, read once as plain shapes in viewport coordinates: edges as segments, nodes as discs, the labels
 * the last frame drew, and the legend's entries. The SVG export writes these as SVG elements, the PNG export draws
 * the legend over its picture, and the dossier (dossier-pdf.ts) writes the same shapes as PDF paths, so the three
 * agree with each other and with the screen.
 */
import type Sigma from "sigma";
import type { ExplorerGraph } from "../../graph/attributes";
import type { ColorBy } from "../../graph/store";
import { TYPE_NAMES, colorOf, communityColor } from "../../graph/style";
import { drawnLabelNodes } from "../../sigma/renderer";

export interface DrawnEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
}

export interface DrawnNode {
  key: string;
  x: number;
  y: number;
  radius: number;
  color: string;
  /** The label when the screen shows it, else null. */
  label: string | null;
}

export interface Drawing {
  width: number;
  height: number;
  edges: DrawnEdge[];
  nodes: DrawnNode[];
  labelSize: number;
  labelFont: string;
}

/** One line of the legend: a colour, what it stands for, how many nodes on screen have it. */
export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  count: number;
}

/**
 * The drawing as sigma shows it (after reducers: hidden elements stay out, colours and sizes as drawn), in viewport
 * pixels. Curved edges come out straight.
 */
export function drawingOf(sigma: Sigma): Drawing {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  const settings = sigma.getSettings();
  const shown = drawnLabelNodes(sigma);
  const nodes = new Map<string, DrawnNode>();
  graph.forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = sigma.framedGraphToViewport(data);
    nodes.set(node, {
      key: node,
      x: p.x,
      y: p.y,
      radius: sigma.scaleSize(data.size),
      color: data.color,
      label: data.label && shown.has(node) ? data.label : null,
    });
  });
  const edges: DrawnEdge[] = [];
  graph.forEachEdge((edge, _attrs, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    const a = nodes.get(source);
    const b = nodes.get(target);
    if (!data || data.hidden || !a || !b) return;
    edges.push({
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      color: data.color,
      width: Math.max(0.5, sigma.scaleSize(data.size)),
    });
  });
  return {
    width,
    height,
    edges,
    nodes: [...nodes.values()],
    labelSize: settings.labelSize,
    labelFont: settings.labelFont,
  };
}

/**
 * The legend panel's entries for the graph: node types in the panel's order, or the ten biggest communities when
 * colour shows communities.
 */
export function legendEntries(graph: ExplorerGraph, colorBy: ColorBy): LegendEntry[] {
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => {
    const key = colorBy === "community" ? String(a.metricCommunity ?? 0) : String(a.category);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  if (colorBy === "community")
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([key, count]) => ({
        key,
        label: `Community ${Number(key) + 1}`,
        color: communityColor(Number(key)),
        count,
      }));
  const order = Object.keys(TYPE_NAMES);
  const rank = (type: string) => (order.indexOf(type) + 100) % 100;
  return [...counts.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => ({ key, label: TYPE_NAMES[key] ?? key, color: colorOf(key), count: counts.get(key) ?? 0 }));
}
