/**
 * Graph attributes
 * ================
 *
 * The one graphology instance the explorer keeps is typed `ExplorerGraph`: each node and edge carries three kinds
 * of attributes under their own names, so none overwrites another (as gephi-lite splits its data and sigma graphs):
 * - data, as the server sent it (contracts/graph.ts): label, category, kind, dates, the level-of-detail `community`;
 * - display, what sigma draws with (build.ts, style.ts): position, size, colour, program `type`;
 * - metrics, computed on screen (metrics.ts): `metricDegree`, `metricBetweenness`, `metricCommunity`.
 */
import type Graph from "graphology";
import type { EdgeAttributes as EdgeData, NodeAttributes as NodeData } from "../../../contracts/graph";

/** What sigma draws a node with. */
export interface NodeDisplay {
  x: number;
  y: number;
  size?: number;
  color?: string;
  /** Sigma's program: the node's shape (style.ts `shapeOf`). */
  type?: string;
}

/** Measures computed on the drawn graph (metrics.ts). */
export interface NodeMetrics {
  metricDegree?: number;
  metricBetweenness?: number;
  /** The louvain community on screen; the server's own `community` (level-of-detail meta-nodes) stays as sent. */
  metricCommunity?: number;
}

/** What sigma draws an edge with. */
export interface EdgeDisplay {
  size?: number;
  color?: string;
  /** Sigma's program: `line`, or `curved` for parallel edges. */
  type?: string;
  curvature?: number;
}

/**
 * A node's attributes. The data part is partial: graphs from a console query or an opened file may lack a `kind`
 * or even a `label`, and the explorer draws them all the same.
 */
export type NodeAttributes = Partial<NodeData> & Partial<NodeDisplay> & NodeMetrics;
/** An edge's attributes (data partial, as for nodes). */
export type EdgeAttributes = Partial<EdgeData> & EdgeDisplay;

/** The explorer's graph. */
export type ExplorerGraph = Graph<NodeAttributes, EdgeAttributes>;

/** The metric attribute a size-by choice reads. */
export type MetricAttribute = "metricDegree" | "metricBetweenness";
