/**
 * Layout
 * ======
 *
 * ForceAtlas2 in its web worker (started, stopped, or run for a bounded time), followed by noverlap so no two
 * nodes sit on each other, with settings inferred from the graph's size.
 */
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";

type Listener = (running: boolean) => void;

/** Owns the FA2 worker for one graph: start/stop from the toolbar, or `settle` for a bounded run. */
export class LayoutController {
  private supervisor: FA2LayoutSupervisor | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private settleResolve: (() => void) | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly graph: Graph) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  onChange(listener: Listener): void {
    this.listeners.add(listener);
  }

  /** Starts FA2 in the worker (until `stop`). */
  start(): void {
    if (this.graph.order < 2) return;
    // A fresh supervisor each time: the graph's structure may have changed since the last run.
    this.supervisor?.kill();
    const settings = {
      ...forceAtlas2.inferSettings(this.graph),
      adjustSizes: false,
      barnesHutOptimize: this.graph.order > 400,
      gravity: 0.6,
      scalingRatio: 20,
      edgeWeightInfluence: 0.5,
    };
    this.supervisor = new FA2LayoutSupervisor(this.graph, { settings, getEdgeWeight: "weight" });
    this.supervisor.start();
    this.emit();
  }

  /** Stops FA2, then spreads overlapping nodes apart with noverlap. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.supervisor) {
      this.supervisor.kill();
      this.supervisor = null;
      noverlap.assign(this.graph, { maxIterations: 120, settings: { margin: 6, ratio: 1.6, speed: 3 } });
    }
    this.emit();
    const resolve = this.settleResolve;
    this.settleResolve = null;
    resolve?.();
  }

  /** Runs FA2 for `ms` milliseconds, then noverlap; resolves when the layout has settled. */
  settle(ms: number): Promise<void> {
    if (this.graph.order < 2) {
      return Promise.resolve();
    }
    this.settleResolve?.();
    return new Promise((resolve) => {
      this.start();
      this.settleResolve = resolve;
      this.timer = setTimeout(() => this.stop(), ms);
    });
  }

  /** Frees the worker. */
  kill(): void {
    this.stop();
  }

  private emit(): void {
    for (const l of this.listeners) l(this.running);
  }
}

/** A layout time that grows with the graph but stays short for small ones. */
export function layoutBudget(order: number): number {
  return Math.min(4_000, 900 + order * 8);
}

/**
 * Lays out a graph of a few hundred nodes at once, without animation (the overview's map of communities), so its
 * first frame is already settled: ForceAtlas2 in LinLog mode, which pulls clusters apart, then the drawing scaled
 * to the drawing area (`width` × `height` pixels, so that positions and the drawn sizes share a unit at the fitted
 * camera) and spread by noverlap until no two discs cover each other.
 */
export function settleAtOnce(graph: Graph, area: { width: number; height: number }): void {
  if (graph.order < 2) return;
  forceAtlas2.assign(graph, {
    iterations: 300,
    getEdgeWeight: "weight",
    settings: {
      ...forceAtlas2.inferSettings(graph),
      linLogMode: true,
      gravity: 1,
      scalingRatio: 10,
      edgeWeightInfluence: 0.3,
      barnesHutOptimize: false,
    },
  });
  // Noverlap grows the drawing, which the camera then shrinks to fit: scaled and spread twice, it stays apart.
  for (let round = 0; round < 2; round++) {
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    const scale = 0.7 * Math.min(area.width / (maxX - minX || 1), area.height / (maxY - minY || 1));
    graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: (a.x - minX) * scale, y: (a.y - minY) * scale }), {
      attributes: ["x", "y"],
    });
    separate(graph, 8);
  }
}

/**
 * Pushes apart every two nodes whose discs (radius `size` × `sizeToRadius`, the drawn size in position units) come
 * closer than `margin`, until none do (or after 300 rounds). Exhaustive over pairs, so meant for a few hundred nodes; noverlap's grid leaves some pairs on top of each
 * other in a crowded drawing.
 */
export function separate(graph: Graph, margin: number, nodes: string[] = graph.nodes(), sizeToRadius = 1): void {
  const points = nodes.map((key) => {
    const a = graph.getNodeAttributes(key);
    return { key, x: Number(a.x), y: Number(a.y), r: Number(a.size ?? 5) * sizeToRadius };
  });
  for (let round = 0; round < 300; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const [p, q] = [points[i]!, points[j]!];
        const wanted = p.r + q.r + margin;
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        const d = Math.hypot(dx, dy);
        if (d >= wanted) continue;
        // Two nodes on the same spot part along a direction of their own (stable from one load to the next).
        if (d < 1e-6) [dx, dy] = [Math.cos(i + j), Math.sin(i + j)];
        const push = (wanted - d) / 2 / Math.max(d, 1e-6);
        const [px, py] = d < 1e-6 ? [dx * (wanted / 2), dy * (wanted / 2)] : [dx * push, dy * push];
        p.x -= px;
        p.y -= py;
        q.x += px;
        q.y += py;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (const p of points) graph.mergeNodeAttributes(p.key, { x: p.x, y: p.y });
}
