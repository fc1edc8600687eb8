/**
 * Reducers
 * ========
 *
 * Looks derived from the store, never written to the graph: hover and selection highlight a neighbourhood and dim
 * the rest, a path lights up its nodes and edges, and the timeline replay hides what had not happened yet.
 */
import type { ExplorerGraph } from "../graph/attributes";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { DiffChange } from "../../../contracts/graph";
import type { ExplorerState, Store } from "../graph/store";
import { CHANGE_STYLES } from "../graph/style";
import type { CanvasTheme } from "./theme";

/**
 * Dimmed nodes shrink to this share of their size, so a dimmed node beside a highlighted one never covers it.
 * They are also drawn as plain discs: sigma draws each node program in turn (discs first), and z-index orders
 * nodes only within a program, so a dimmed ring-shaped node would otherwise be painted over a highlighted disc.
 */
export const DIMMED_SCALE = 0.6;

interface Focus {
  node: string | null;
  neighbours: Set<string>;
}

/** Month (YYYY-MM) of a partial date, or null. */
function monthOf(date: unknown): string | null {
  if (typeof date !== "string" || date.length < 4) return null;
  return date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
}

/** Nodes and edges not yet visible at `playhead` (YYYY-MM): later events, later meetings, actors not yet linked. */
export function hiddenAtPlayhead(graph: ExplorerGraph, playhead: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  graph.forEachNode((n, a) => {
    const month = a.category === "event" ? monthOf(a.date) : null;
    if (month && month > playhead) nodes.add(n);
  });
  graph.forEachEdge((e, a, s, t) => {
    if (nodes.has(s) || nodes.has(t)) edges.add(e);
    else if (a.kind === "met" && monthOf(a.first) !== null && monthOf(a.first)! > playhead) edges.add(e);
  });
  // An actor appears with its first dated link; actors with no dated links at all stay (they have no history).
  graph.forEachNode((n, a) => {
    if (nodes.has(n) || a.category === "event") return;
    let dated = 0;
    let visible = 0;
    graph.forEachEdge(n, (e, ea, s, t) => {
      const other = s === n ? t : s;
      const temporal = ea.kind === "met" || graph.getNodeAttribute(other, "category") === "event";
      if (!temporal) return;
      dated++;
      if (!edges.has(e)) visible++;
    });
    if (dated > 0 && visible === 0) nodes.add(n);
  });
  graph.forEachEdge((e, _a, s, t) => {
    if (nodes.has(s) || nodes.has(t)) edges.add(e);
  });
  return { nodes, edges };
}

/** The explorer's reducers, made before sigma so the big-graph mode can wrap them (big-graph-settings.ts). */
export interface ExplorerReducers extends Pick<Settings, "nodeReducer" | "edgeReducer"> {
  /** Redraws on store and graph changes; returns a function to call when the theme changes. */
  attach(renderer: Sigma): () => void;
}

/** Node and edge reducers reading `store`, not yet installed. */
export function createReducers(graph: ExplorerGraph, store: Store, getTheme: () => CanvasTheme): ExplorerReducers {
  let focus: Focus = { node: null, neighbours: new Set() };
  let hidden: { nodes: Set<string>; edges: Set<string> } | null = null;
  let theme = getTheme();

  const computeFocus = (state: ExplorerState): Focus => {
    const node = state.hoveredNode ?? state.selectedNode;
    if (!node || !graph.hasNode(node)) return { node: null, neighbours: new Set() };
    return { node, neighbours: new Set(graph.neighbors(node)) };
  };
  /** Set by graph edits; the next reducer call recomputes once, however many elements an edit added. */
  let stale = false;
  const recompute = () => {
    stale = false;
    focus = computeFocus(store.state);
    hidden = store.state.playhead ? hiddenAtPlayhead(graph, store.state.playhead) : null;
  };

  /** A node outside the highlight: faded, smaller, unlabelled, a plain disc drawn under everything else. */
  const dim = (res: Partial<NodeDisplayData>): Partial<NodeDisplayData> => ({
    ...res,
    type: "disc",
    color: theme.faded,
    label: "",
    size: (res.size ?? 1) * DIMMED_SCALE,
    zIndex: 0,
  });

  const nodeReducer: NonNullable<Settings["nodeReducer"]> = (node, data) => {
    if (stale) recompute();
    const state = store.state;
    const res: Partial<NodeDisplayData> & Record<string, unknown> = { ...data, ringColor: theme.background };
    if (hidden?.nodes.has(node)) return { ...res, hidden: true };
    const path = state.path;
    if (path) {
      if (path.nodes.has(node))
        return { ...res, forceLabel: true, highlighted: node === path.from || node === path.to, zIndex: 2 };
      return dim(res);
    }
    if (focus.node) {
      if (node === focus.node) return { ...res, highlighted: true, forceLabel: true, zIndex: 3 };
      if (focus.neighbours.has(node)) return { ...res, forceLabel: true, zIndex: 2 };
      return dim(res);
    }
    if (node === state.selectedNode) return { ...res, highlighted: true, forceLabel: true };
    // Nodes an article just added keep their labels and stay on top (the pulse rings are a DOM layer).
    if (state.highlight?.has(node)) return { ...res, forceLabel: true, zIndex: 2 };
    return res;
  };

  const edgeReducer: NonNullable<Settings["edgeReducer"]> = (edge, data) => {
    if (stale) recompute();
    const state = store.state;
    const res: Partial<EdgeDisplayData> = { ...data };
    if (hidden?.edges.has(edge)) return { ...res, hidden: true };
    // Two periods compared: each tie drawn as what happened to it (new, ended, kept).
    const change = (data as { change?: DiffChange }).change;
    if (change && CHANGE_STYLES[change]) {
      res.color = CHANGE_STYLES[change].color;
      res.size = (data.size ?? 1) * CHANGE_STYLES[change].sizeScale;
    }
    const [s, t] = graph.extremities(edge);
    if (state.path) {
      if (state.path.edges.has(edge)) return { ...res, color: theme.accent, size: Math.max(3, data.size), zIndex: 2 };
      return { ...res, color: theme.fadedEdge, zIndex: 0 };
    }
    if (state.selectedEdge === edge) return { ...res, color: theme.accent, size: Math.max(3, data.size), zIndex: 2 };
    if (focus.node) {
      if (s === focus.node || t === focus.node) return { ...res, size: (res.size ?? data.size) + 0.5, zIndex: 1 };
      return { ...res, hidden: true };
    }
    return res;
  };

  recompute();
  return {
    nodeReducer,
    edgeReducer,
    attach(renderer: Sigma) {
      store.subscribe((state, previous) => {
        if (
          state.hoveredNode !== previous.hoveredNode ||
          state.selectedNode !== previous.selectedNode ||
          state.selectedEdge !== previous.selectedEdge ||
          state.path !== previous.path ||
          state.playhead !== previous.playhead ||
          state.highlight !== previous.highlight
        ) {
          recompute();
          renderer.refresh({ skipIndexation: true });
        }
      });
      // Graph edits (expand, reload, opening a community) change neighbourhoods; edges count too, since an edit
      // adds its nodes before its edges.
      const onGraphChange = () => {
        stale = true;
      };
      for (const event of ["nodeAdded", "nodeDropped", "edgeAdded", "edgeDropped", "cleared", "edgesCleared"] as const)
        graph.on(event, onGraphChange);
      return () => {
        theme = getTheme();
        recompute();
        renderer.refresh({ skipIndexation: true });
      };
    },
  };
}
