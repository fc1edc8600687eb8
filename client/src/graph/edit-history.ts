/**
 * Graph edits with undo/redo
 * ==========================
 *
 * Expanding and collapsing neighbours are recorded as deltas (elements added, elements removed) that can be
 * applied and reverted on the graphology instance, so undo/redo replays them exactly.
 */
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from "./attributes";

export interface NodeRecord {
  key: string;
  attributes: NodeAttributes;
}
export interface EdgeRecord {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
  undirected?: boolean;
}

/** One reversible step. `owner` is the node that was expanded or collapsed, for labels like "Expand Rouhani". */
export interface GraphDelta {
  label: string;
  owner: string;
  addNodes: NodeRecord[];
  addEdges: EdgeRecord[];
  removeNodes: NodeRecord[];
  removeEdges: EdgeRecord[];
}

/** Applies a delta: removes first, then adds; missing or existing elements are skipped so replays are safe. */
export function applyDelta(graph: ExplorerGraph, delta: GraphDelta): void {
  for (const e of delta.removeEdges) if (graph.hasEdge(e.key)) graph.dropEdge(e.key);
  for (const n of delta.removeNodes) if (graph.hasNode(n.key)) graph.dropNode(n.key);
  for (const n of delta.addNodes) if (!graph.hasNode(n.key)) graph.addNode(n.key, { ...n.attributes });
  for (const e of delta.addEdges) {
    if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    if (e.undirected) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
  }
}

/** The delta that undoes `delta`. */
export function invertDelta(delta: GraphDelta): GraphDelta {
  return {
    label: delta.label,
    owner: delta.owner,
    addNodes: delta.removeNodes,
    addEdges: delta.removeEdges,
    removeNodes: delta.addNodes,
    removeEdges: delta.addEdges,
  };
}

/** Snapshot of an edge for a delta (attributes copied, so later looks never leak into history). */
export function edgeRecord(graph: ExplorerGraph, key: string): EdgeRecord {
  return {
    key,
    source: graph.source(key),
    target: graph.target(key),
    attributes: { ...graph.getEdgeAttributes(key) },
    undirected: graph.isUndirected(key),
  };
}

/** Snapshot of a node for a delta. */
export function nodeRecord(graph: ExplorerGraph, key: string): NodeRecord {
  return { key, attributes: { ...graph.getNodeAttributes(key) } };
}

/** An undo/redo stack of deltas applied to one graph. */
export class EditHistory {
  private done: GraphDelta[] = [];
  private undone: GraphDelta[] = [];
  /** Nodes added by expanding each owner, so collapse knows what to remove. */
  readonly expansions = new Map<string, Set<string>>();

  constructor(private readonly graph: ExplorerGraph) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  get lastLabel(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  /** Applies `delta` and records it; clears the redo stack. */
  push(delta: GraphDelta): void {
    applyDelta(this.graph, delta);
    this.track(delta, 1);
    this.done.push(delta);
    this.undone = [];
  }

  undo(): GraphDelta | null {
    const delta = this.done.pop();
    if (!delta) return null;
    applyDelta(this.graph, invertDelta(delta));
    this.track(delta, -1);
    this.undone.push(delta);
    return delta;
  }

  redo(): GraphDelta | null {
    const delta = this.undone.pop();
    if (!delta) return null;
    applyDelta(this.graph, delta);
    this.track(delta, 1);
    this.done.push(delta);
    return delta;
  }

  /** Forgets everything (the graph was reloaded from the server). */
  clear(): void {
    this.done = [];
    this.undone = [];
    this.expansions.clear();
  }

  private track(delta: GraphDelta, direction: 1 | -1): void {
    const added = direction === 1 ? delta.addNodes : delta.removeNodes;
    const removed = direction === 1 ? delta.removeNodes : delta.addNodes;
    if (added.length) {
      const set = this.expansions.get(delta.owner) ?? new Set<string>();
      for (const n of added) set.add(n.key);
      this.expansions.set(delta.owner, set);
    }
    for (const n of removed) {
      for (const [owner, set] of this.expansions) {
        set.delete(n.key);
        if (set.size === 0) this.expansions.delete(owner);
      }
    }
  }
}

/**
 * The delta that collapses what expanding `owner` added: those nodes (unless another expansion also brought them)
 * and every edge touching them.
 */
export function collapseDelta(
  graph: ExplorerGraph,
  history: EditHistory,
  owner: string,
  label: string,
): GraphDelta | null {
  const added = history.expansions.get(owner);
  if (!added || added.size === 0) return null;
  const keptByOthers = new Set<string>();
  for (const [other, set] of history.expansions) if (other !== owner) for (const n of set) keptByOthers.add(n);
  const nodes = [...added].filter((n) => graph.hasNode(n) && !keptByOthers.has(n) && n !== owner);
  const edges = new Set<string>();
  for (const n of nodes) graph.forEachEdge(n, (e) => edges.add(e));
  return {
    label,
    owner,
    addNodes: [],
    addEdges: [],
    removeNodes: nodes.map((n) => nodeRecord(graph, n)),
    removeEdges: [...edges].map((e) => edgeRecord(graph, e)),
  };
}
