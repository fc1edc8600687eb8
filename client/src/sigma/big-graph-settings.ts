/**
 * Big-graph settings
 * ==================
 *
 * Sigma settings and a camera hook that keep large graphs fluid without a GPU: almost all of a frame's time is
 * software rasterising (SwiftShader), so the way to win is to draw less. At rest, only the edges of important
 * nodes are drawn (capped); while the camera moves, edges and labels are hidden and only the most important
 * nodes are drawn, then everything comes back when the camera stops.
 *
 * "Not drawn" has to mean "not in a WebGL buffer": sigma draws a hidden item as a zero-size instance, and software
 * WebGL pays per instance (about 9 µs each here), so 20,000 hidden nodes cost as much as drawn ones. Items left
 * out are therefore given the `culled` program type, whose program holds and draws nothing.
 */
import type Graph from "graphology";
import type Sigma from "sigma";
import type { EdgeProgramType, NodeProgramType } from "sigma/rendering";
import type { Settings } from "sigma/settings";

/** Node and edge type of items left out of the frame: their program has no buffer and draws nothing. */
export const CULLED = "culled";

/** A sigma program that draws nothing (sigma counts draw instances per program, so culled items cost nothing). */
class CulledProgram {
  drawLabel = undefined;
  drawHover = undefined;
  constructor(_gl: WebGLRenderingContext, _pickingBuffer: WebGLFramebuffer | null, _renderer: Sigma) {}
  kill(): void {}
  reallocate(_capacity: number): void {}
  process(): void {}
  render(): void {}
}

/** Program classes for the `culled` type; merge them into sigma's `nodeProgramClasses` / `edgeProgramClasses`. */
export const culledPrograms = {
  nodeProgramClasses: { [CULLED]: CulledProgram as unknown as NodeProgramType },
  edgeProgramClasses: { [CULLED]: CulledProgram as unknown as EdgeProgramType },
};

/** From this many nodes, the big-graph settings apply. */
export const BIG_GRAPH_NODE_THRESHOLD = 3_000;
/** Nodes drawn while the camera moves (the most important ones). */
export const MOVING_NODE_CAP = 1_000;
/** Edges drawn at rest (those of the most important nodes first). */
export const RESTING_EDGE_CAP = 30_000;
/** Quiet time after the last camera update before the full picture comes back. */
const SETTLE_MS = 180;

/** Settings merged into sigma's for big graphs (pass them to `createRenderer(..., settings)`). */
export const bigGraphSettings: Partial<Settings> = {
  // Edges are most of the fragments; labels are canvas-2D text measured every frame.
  hideEdgesOnMove: true,
  hideLabelsOnMove: true,
  renderEdgeLabels: false,
  // Edge picking renders an extra pass.
  enableEdgeEvents: false,
  // Kept on: sigma sorts by z-index only when items differ in it (a selection, a path), and without it the dimmed
  // nodes were drawn over the selection's highlighted neighbours.
  zIndex: true,
  // Fewer, bigger labels: each is a fillText on a 2D canvas.
  labelRenderedSizeThreshold: 12,
  labelDensity: 0.25,
  labelGridCellSize: 200,
};

/** Is this graph big enough for the big-graph settings? */
export function isBigGraph(graph: Graph): boolean {
  return graph.order >= BIG_GRAPH_NODE_THRESHOLD;
}

/** Importance of a node: its `degree` attribute when the server sent one, else its degree in the graph. */
function importance(graph: Graph, node: string, attributes: Record<string, unknown>): number {
  const degree = attributes.degree;
  return typeof degree === "number" ? degree : graph.degree(node);
}

/** The big-graph mode of one graph: settings for sigma's constructor, and a hook to attach to the renderer. */
export interface BigGraphMode {
  /** Pass to `new Sigma(...)` / `createRenderer(...)`, so the very first frame is already the reduced one. */
  settings: Partial<Settings>;
  /** Watches the camera: while it moves, only the top nodes are drawn and no edges. Returns a detach function. */
  attach(renderer: Sigma): () => void;
}

/**
 * Prepares the big-graph mode for a loaded graph: the big-graph settings plus reducers that cap edges at rest and
 * draw only the most important nodes (and no edges) while the camera moves. Call again after a reload, since the
 * ranking depends on the data. `previous` reducers (the explorer's hover/selection ones) are applied first.
 */
export function bigGraphMode(
  graph: Graph,
  options: {
    movingNodeCap?: number;
    restingEdgeCap?: number;
    /** The renderer's own reducers (applied first) and program classes (kept beside the `culled` ones). */
    previous?: Partial<Pick<Settings, "nodeReducer" | "edgeReducer" | "nodeProgramClasses" | "edgeProgramClasses">>;
  } = {},
): BigGraphMode {
  // Rank once: importance is data, not view state, so it does not change while panning.
  const ranked = graph
    .mapNodes((node, attributes) => [node, importance(graph, node, attributes)] as const)
    .sort((a, b) => b[1] - a[1]);
  const important = new Set(ranked.slice(0, options.movingNodeCap ?? MOVING_NODE_CAP).map(([node]) => node));

  // At rest: keep the edges whose better-ranked end ranks highest, up to the cap. Walking the nodes in rank order
  // and taking their edges gives that order without sorting every edge (it is part of the first frame's time).
  const edgeCap = options.restingEdgeCap ?? RESTING_EDGE_CAP;
  let keptEdges: Set<string> | null = null;
  if (graph.size > edgeCap) {
    const kept = new Set<string>();
    for (const [node] of ranked) {
      graph.forEachEdge(node, (edge) => {
        if (kept.size < edgeCap) kept.add(edge);
      });
      if (kept.size >= edgeCap) break;
    }
    keptEdges = kept;
  }

  const previousNode = options.previous?.nodeReducer ?? null;
  const previousEdge = options.previous?.edgeReducer ?? null;
  let moving = false;
  const settings: Partial<Settings> = {
    ...bigGraphSettings,
    nodeProgramClasses: { ...options.previous?.nodeProgramClasses, ...culledPrograms.nodeProgramClasses },
    edgeProgramClasses: { ...options.previous?.edgeProgramClasses, ...culledPrograms.edgeProgramClasses },
    nodeReducer: (node, data) => {
      const base = previousNode ? previousNode(node, data) : data;
      // The selected or hovered neighbourhood stays on screen while moving.
      return moving && !important.has(node) && !base.highlighted && !base.forceLabel ? { ...base, type: CULLED } : base;
    },
    edgeReducer: (edge, data) => {
      const base = previousEdge ? previousEdge(edge, data) : data;
      // Culled here too (not only hidden by hideEdgesOnMove), so programmatic camera moves are light as well.
      return moving || (keptEdges && !keptEdges.has(edge)) ? { ...base, type: CULLED } : base;
    },
  };

  return {
    settings,
    attach(renderer: Sigma) {
      let settleTimer: ReturnType<typeof setTimeout> | null = null;
      const camera = renderer.getCamera();
      const onCameraUpdated = () => {
        if (!moving) {
          moving = true;
          // Reducers run at refresh, not per frame: one re-process at the start and one at the end of a gesture.
          renderer.refresh({ skipIndexation: true });
        }
        if (settleTimer) clearTimeout(settleTimer);
        settleTimer = setTimeout(() => {
          moving = false;
          settleTimer = null;
          renderer.refresh({ skipIndexation: true });
        }, SETTLE_MS);
      };
      camera.on("updated", onCameraUpdated);
      return () => {
        camera.off("updated", onCameraUpdated);
        if (settleTimer) clearTimeout(settleTimer);
        moving = false;
      };
    },
  };
}
