/**
 * Merging a subgraph
 * ==================
 *
 * Expanding a node, opening a community meta-node and bringing in a path all receive a piece of the network from
 * the server and add what the view lacks. `mergeSubgraph` turns that answer into one reversible GraphDelta: new
 * nodes placed (on a ring around a point, or next to a neighbour already on screen) and the answer's edges whose
 * two ends will be on screen. The caller applies it (through the edit history, or as a path overlay).
 */
import type { ExplorerGraph } from "./attributes";
import type { SerializedGraph } from "../../../contracts/graph";
import { positionsNear } from "./build";
import { type EdgeRecord, type GraphDelta, type NodeRecord, edgeRecord, nodeRecord } from "./edit-history";

/** How a subgraph joins the view. */
export interface MergeOptions {
  /** The delta's label, for undo ("Expand Rouhani"). */
  label: string;
  /** The node the delta belongs to (collapse removes what expanding it added). */
  owner: string;
  /** New nodes go on a ring around this point; without it, each goes next to a neighbour already placed. */
  around?: { x: number; y: number };
  /**
   * New nodes fill a disc around this point instead, the most connected nearest its centre (a sunflower pattern, so
   * neighbours keep `spacing` apart), leaving a hole of `hole` radius for what stands at the centre.
   */
  inside?: { x: number; y: number; spacing: number; hole: number };
  /** Edges of the answer to take (default: every one whose two ends will be on screen). */
  acceptEdge?: (edge: SerializedGraph["edges"][number]) => boolean;
  /** Nodes of the answer to take (default: all); nodes already in the view are never added twice. */
  accept?: (node: SerializedGraph["nodes"][number]) => boolean;
  /**
   * A node the answer stands in for: it and its edges leave the view, and the answer's version of it, when there is
   * one, comes back in the same place with its old attributes updated (a community meta-node that folds fewer actors).
   */
  replace?: string;
}

/** Radius of the ring new nodes are laid on: wider the more they are. */
function ringRadius(count: number): number {
  return 18 + 2 * Math.sqrt(count);
}

/** The golden angle: consecutive sunflower points never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * `count` points filling a disc around `centre`, nearest first, about `spacing` apart (Vogel's sunflower: the i-th
 * point at radius c·√i, whose nearest neighbours are about 1.8·c away), none within `hole` of the centre.
 */
export function sunflower(
  centre: { x: number; y: number },
  count: number,
  spacing: number,
  hole: number,
): { x: number; y: number }[] {
  const c = spacing / 1.8;
  const first = Math.ceil(((hole + spacing / 2) / c) ** 2);
  return Array.from({ length: count }, (_v, k) => {
    const i = first + k;
    const radius = c * Math.sqrt(i);
    return { x: centre.x + radius * Math.cos(i * GOLDEN_ANGLE), y: centre.y + radius * Math.sin(i * GOLDEN_ANGLE) };
  });
}

/** The delta that adds the nodes and edges of `data` that `graph` lacks (see MergeOptions); applies nothing. */
export function mergeSubgraph(graph: ExplorerGraph, data: SerializedGraph, options: MergeOptions): GraphDelta {
  const { around, accept, replace } = options;
  const fresh = data.nodes.filter((n) => !graph.hasNode(n.key) && (!accept || accept(n)));
  const inside = options.inside;
  if (inside) fresh.sort((a, b) => Number(b.attributes.degree ?? 0) - Number(a.attributes.degree ?? 0));
  const placed = inside
    ? new Map(sunflower(inside, fresh.length, inside.spacing, inside.hole).map((point, i) => [fresh[i]!.key, point]))
    : around
      ? new Map(
          fresh.map((n, i) => {
            const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
            const ring = ringRadius(fresh.length);
            return [n.key, { x: around.x + ring * Math.cos(angle), y: around.y + ring * Math.sin(angle) }];
          }),
        )
      : positionsNear(
          graph,
          fresh.map((n) => n.key),
          data.edges,
        );
  const addNodes: NodeRecord[] = fresh.map((n) => ({
    key: n.key,
    attributes: { ...n.attributes, ...placed.get(n.key)! },
  }));
  const removeNodes: NodeRecord[] = [];
  const removeEdges: EdgeRecord[] = [];
  if (replace && graph.hasNode(replace)) {
    const old = graph.getNodeAttributes(replace);
    removeEdges.push(...graph.edges(replace).map((e) => edgeRecord(graph, e)));
    removeNodes.push(nodeRecord(graph, replace));
    const renewed = data.nodes.find((n) => n.key === replace);
    if (renewed) addNodes.push({ key: replace, attributes: { ...old, ...renewed.attributes, x: old.x, y: old.y } });
  }
  // An edge joins when both its ends will be on screen and it is not there already (edges of a replaced node go).
  const present = new Set([...graph.nodes().filter((n) => n !== replace), ...addNodes.map((n) => n.key)]);
  const addEdges: EdgeRecord[] = data.edges
    .filter(
      (e) =>
        (!options.acceptEdge || options.acceptEdge(e)) &&
        present.has(e.source) &&
        present.has(e.target) &&
        (!graph.hasEdge(e.key) || (replace !== undefined && (e.source === replace || e.target === replace))),
    )
    .map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: { ...e.attributes } }));
  return { label: options.label, owner: options.owner, addNodes, addEdges, removeNodes, removeEdges };
}

/** True when a delta changes nothing. */
export function isEmptyDelta(delta: GraphDelta): boolean {
  return !delta.addNodes.length && !delta.addEdges.length && !delta.removeNodes.length && !delta.removeEdges.length;
}
