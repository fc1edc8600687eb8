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
