/**
 * URL controller
 * ==============
 *
 * Reads the URL once at start into the initial state, then mirrors the shareable state into it with
 * `history.replaceState` (no history entries for every camera move).
 */
import { type ExplorerState, type Store, initialState } from "../graph/store";
import { type UrlState, parseUrlState, serializeUrlState } from "../graph/url-state";

/** The initial store state from `location.search`, and the path ends to look up once the graph is loaded. */
export function stateFromUrl(search: string): { state: ExplorerState; url: UrlState } {
  const url = parseUrlState(search);
  const state: ExplorerState = {
    ...initialState(),
    view: url.view,
    map: url.map,
    filters: url.filters,
    time: url.time,
    selectedNode: url.selectedNode,
    selectedEdge: url.selectedEdge,
    sizeBy: url.sizeBy,
    colorBy: url.colorBy,
    camera: url.camera,
    compare: url.compare,
    asOf: url.asOf,
    ...(url.compare ? { view: "met" as const } : {}),
  };
  return { state, url };
}

/** Keeps the URL in sync with the store (debounced); returns the function that stops it. */
export function bindUrlSync(store: Store): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const query = serializeUrlState(store.state);
      const next = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
      if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", next);
    }, 150);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
