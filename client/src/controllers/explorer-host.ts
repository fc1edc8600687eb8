/**
 * Explorer host
 * =============
 *
 * The narrow set of explorer internals (graph, store, layout, renderer, redraw and reload) that the console
 * drawer, sharing, exports, file import and snapshot pages use, so they live in their own modules and the explorer
 * (explorer.ts) only builds this object.
 */
import type { ExplorerGraph } from "../graph/attributes";
import type Sigma from "sigma";
import type { Store } from "../graph/store";
import type { LayoutController } from "../sigma/layout";

/** Readiness values of `document.body.dataset.ready`. */
export type ReadyState = "true" | "false" | "error" | "empty";

/** What the explorer lends to the share, console, export and snapshot modules. */
export interface ExplorerHost {
  graph: ExplorerGraph;
  store: Store;
  layout: LayoutController;
  /** The sigma instance, or null before the first draw. */
  renderer(): Sigma | null;
  /** Starts sigma on the graph when it is not running yet, and returns it. */
  ensureRenderer(): Sigma;
  /** Recomputes metrics, looks, legend, metrics and path panels, toolbar and status after the graph changed. */
  refreshDerived(): void;
  /** Forgets expand/collapse history, paging and path overlays (the graph was replaced from elsewhere). */
  resetEdits(): void;
  setReady(value: ReadyState): void;
  showMessage(
    text: string | null,
    kind?: "error" | "empty" | "info",
    action?: { label: string; run: () => void },
  ): void;
  /** Reloads the database view for the current view, filters and time window. */
  reload(): Promise<void>;
  /** Reloads the timeline histogram for the current view and filters. */
  loadTimeline(): Promise<void>;
}
