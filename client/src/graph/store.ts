/**
 * Explorer store
 * ==============
 *
 * The explorer's state (view, filters, time window, selection, hover, path, metric choices, where the graph came
 * from, read-only pages) and the actions that change it. Panels and reducers subscribe; nothing here touches the DOM or the graph.
 */
import { DEFAULT_GRAPH_VIEW, GRAPH_VIEWS, type GraphView } from "../../../contracts/vocabulary";

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export const VIEWS = GRAPH_VIEWS;
export type View = GraphView;
export const DEFAULT_VIEW: View = DEFAULT_GRAPH_VIEW;

export const SIZE_BY = ["degree", "betweenness"] as const;
export type SizeBy = (typeof SIZE_BY)[number];

export const COLOR_BY = ["category", "community"] as const;
export type ColorBy = (typeof COLOR_BY)[number];

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Filters sent to `/api/graph`; empty lists mean "no filter". */
export interface Filters {
  kinds: string[];
  topics: string[];
  countries: string[];
  roles: string[];
}

/** A time window of partial ISO dates (`2018`, `2018-01`, `2018-01-21`); null ends are open. */
export interface TimeWindow {
  from: string | null;
  to: string | null;
}

/** A closed period of partial ISO dates, both ends given. */
export interface Period {
  from: string;
  to: string;
}

/** Two periods compared (`/api/diff`): A the earlier one as a rule, B the later. */
export interface Comparison {
  a: Period;
  b: Period;
}

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

/** A highlighted path: the node ids of each path and the edges that join them. */
export interface PathHighlight {
  from: string;
  to: string;
  nodes: Set<string>;
  edges: Set<string>;
}

/** The path picker's ends and the last search's result line (`error` when it failed). */
export interface PathSearch {
  from: string | null;
  to: string | null;
  result: string | null;
  error: boolean;
}

/** Where the graph on screen came from; snapshots record it (filters, or the query text). */
export type ViewSource =
  | { kind: "database" }
  | { kind: "query"; query: string; params: Record<string, unknown>; added: boolean }
  | { kind: "file"; name: string; format: string };

export interface ExplorerState {
  view: View;
  filters: Filters;
  time: TimeWindow;
  selectedNode: string | null;
  selectedEdge: string | null;
  hoveredNode: string | null;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  theme: Theme;
  path: PathHighlight | null;
  /** While the timeline replays, the month (YYYY-MM) up to which the network is shown. */
  playhead: string | null;
  camera: CameraState | null;
  /** Nodes just added by the "Add article" dialog, marked until dismissed (features/add-article/add-article.ts). */
  highlight?: Set<string> | null;
  /** The path picker's state (its highlighted result is `path`). */
  pathSearch: PathSearch;
  /** Where the graph on screen came from: the database view, a console query or an opened file. */
  source: ViewSource;
  /** True on a snapshot page (`/s/:id`, `/snapshots`): nothing reloads from the database and nothing expands. */
  readOnly: boolean;
  /** Two periods compared instead of one network (ties added, removed, kept), or null. */
  compare: Comparison | null;
  /** The Map tab is open: the events of the network's filters and window drawn at their places. */
  map: boolean;
  /** "As known on": the day (YYYY-MM-DD) whose record the network shows, or null for today. */
  asOf: string | null;
}

/** The path picker with nothing chosen. */
export function emptyPathSearch(): PathSearch {
  return { from: null, to: null, result: null, error: false };
}

export function emptyFilters(): Filters {
  return { kinds: [], topics: [], countries: [], roles: [] };
}

export function initialState(): ExplorerState {
  return {
    view: DEFAULT_VIEW,
    filters: emptyFilters(),
    time: { from: null, to: null },
    selectedNode: null,
    selectedEdge: null,
    hoveredNode: null,
    sizeBy: "degree",
    colorBy: "category",
    theme: "auto",
    path: null,
    playhead: null,
    camera: null,
    pathSearch: emptyPathSearch(),
    source: { kind: "database" },
    readOnly: false,
    compare: null,
    map: false,
    asOf: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Store
// ---------------------------------------------------------------------------------------------------------------

export type Listener = (state: ExplorerState, previous: ExplorerState) => void;

/** A tiny observable store: `set` merges a patch and notifies listeners with the new and previous state. */
export class Store {
  private current: ExplorerState;
  private readonly listeners = new Set<Listener>();

  constructor(state: ExplorerState = initialState()) {
    this.current = state;
  }

  get state(): ExplorerState {
    return this.current;
  }

  /** Merges `patch` into the state; listeners run only when something changed. */
  set(patch: Partial<ExplorerState>): void {
    const previous = this.current;
    const changed = (Object.keys(patch) as (keyof ExplorerState)[]).some((key) => previous[key] !== patch[key]);
    if (!changed) return;
    this.current = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.current, previous);
  }

  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Actions ------------------------------------------------------------------------------------------------------

  /** Selects a node (and clears an edge selection); null closes the panel. */
  selectNode(id: string | null): void {
    this.set({ selectedNode: id, selectedEdge: null });
  }

  /** Selects an edge by its graph key. */
  selectEdge(key: string | null): void {
    this.set({ selectedEdge: key, selectedNode: null });
  }

  hover(id: string | null): void {
    this.set({ hoveredNode: id });
  }

  setView(view: View): void {
    this.set({ view, map: false, path: null, selectedEdge: null });
  }

  /** Opens or closes the Map tab (the network keeps its view beneath it). */
  setMap(map: boolean): void {
    this.set({ map });
  }

  setFilters(filters: Filters): void {
    this.set({ filters, path: null });
  }

  /** Compares two periods (the view becomes who-met-whom), or goes back to one network with null. */
  setCompare(compare: Comparison | null): void {
    this.set(compare ? { compare, view: "met", path: null, selectedEdge: null } : { compare: null, path: null });
  }

  /** Shows the record as it stood at the end of `day` (YYYY-MM-DD), or today's with null. */
  setAsOf(day: string | null): void {
    this.set({ asOf: day, path: null });
  }

  setTime(time: TimeWindow): void {
    if (time.from === this.current.time.from && time.to === this.current.time.to) return;
    this.set({ time, path: null });
  }
}

/** True when two filter sets ask the server for the same graph. */
export function sameFilters(a: Filters, b: Filters): boolean {
  const eq = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return eq(a.kinds, b.kinds) && eq(a.topics, b.topics) && eq(a.countries, b.countries) && eq(a.roles, b.roles);
}

/** `params` with the filters that are set, each a comma-separated list. */
export function withFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  for (const key of ["kinds", "topics", "countries", "roles"] as const)
    if (filters[key].length) params.set(key, filters[key].join(","));
  return params;
}

/** The query string of `/api/graph` for a view, filters and window, as known on `asOf` (null: today). */
export function graphQuery(view: View, filters: Filters, time: TimeWindow, asOf: string | null = null): string {
  const params = withFilters(new URLSearchParams({ view }), filters);
  if (time.from) params.set("from", time.from);
  if (time.to) params.set("to", time.to);
  if (asOf) params.set("asOf", asOf);
  return params.toString();
}

/** A period as the API and the URL write it: `FROM..TO`. */
export function periodParam(period: Period): string {
  return `${period.from}..${period.to}`;
}

/** The query string of `/api/diff` for two periods and the filters, as known on `asOf` (null: today). */
export function diffQuery(filters: Filters, compare: Comparison, asOf: string | null = null): string {
  const params = withFilters(new URLSearchParams({ a: periodParam(compare.a), b: periodParam(compare.b) }), filters);
  if (asOf) params.set("asOf", asOf);
  return params.toString();
}
