/**
 * URL state
 * =========
 *
 * Serialises the shareable part of the explorer state (view, filters, time window, selection, metrics, camera,
 * path ends) to a query string and back, so a reload or a pasted link restores the view.
 */
import {
  COLOR_BY,
  type ColorBy,
  type Comparison,
  DEFAULT_VIEW,
  type ExplorerState,
  type Filters,
  SIZE_BY,
  type SizeBy,
  VIEWS,
  type View,
  emptyFilters,
  periodParam,
  withFilters,
} from "./store";

/** The part of the state a URL carries. */
export interface UrlState {
  view: View;
  /** `?view=map`: the Map tab over the default network view. */
  map: boolean;
  filters: Filters;
  time: { from: string | null; to: string | null };
  selectedNode: string | null;
  selectedEdge: string | null;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  camera: { x: number; y: number; ratio: number } | null;
  pathEnds: [string, string] | null;
  compare: Comparison | null;
  /** `?asOf=YYYY-MM-DD`: the network as known on that day. */
  asOf: string | null;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ID = /^[\w.:|>-]{1,200}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => ID.test(v));
}

/** `FROM..TO,FROM..TO` (two periods of partial dates, each in order), or null. */
function comparison(value: string | null): Comparison | null {
  const periods = (value ?? "").split(",").map((period) => period.split(".."));
  if (periods.length !== 2) return null;
  const [a, b] = periods.map(([from, to]) =>
    from && to && PARTIAL_DATE.test(from) && PARTIAL_DATE.test(to) && from <= to ? { from, to } : null,
  );
  return a && b ? { a, b } : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

/** Reads the URL's query string; anything malformed falls back to the default rather than failing. */
export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const date = (v: string | null) => (v && PARTIAL_DATE.test(v) ? v : null);
  const id = (v: string | null) => (v && ID.test(v) ? v : null);
  let camera: UrlState["camera"] = null;
  const cam = p.get("cam")?.split(",").map(Number);
  if (cam && cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0)
    camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  const ends = list(p.get("path"));
  return {
    view: oneOf(VIEWS, p.get("view"), DEFAULT_VIEW),
    map: p.get("view") === "map",
    filters: {
      kinds: list(p.get("kinds")),
      topics: list(p.get("topics")),
      countries: list(p.get("countries")),
      roles: list(p.get("roles")),
    },
    time: { from: date(p.get("from")), to: date(p.get("to")) },
    selectedNode: id(p.get("node")),
    selectedEdge: p.get("edge") && p.get("edge")!.length <= 400 ? p.get("edge") : null,
    sizeBy: oneOf(SIZE_BY, p.get("size"), "degree"),
    colorBy: oneOf(COLOR_BY, p.get("color"), "category"),
    camera,
    pathEnds: ends.length === 2 ? [ends[0]!, ends[1]!] : null,
    compare: comparison(p.get("compare")),
    asOf: DAY.test(p.get("asOf") ?? "") ? p.get("asOf") : null,
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Writes the shareable state as a query string (without `?`), omitting defaults to keep links short. */
export function serializeUrlState(state: ExplorerState): string {
  const p = new URLSearchParams();
  if (state.map) p.set("view", "map");
  else if (state.view !== DEFAULT_VIEW) p.set("view", state.view);
  withFilters(p, state.filters ?? emptyFilters());
  if (state.time.from) p.set("from", state.time.from);
  if (state.time.to) p.set("to", state.time.to);
  if (state.selectedNode) p.set("node", state.selectedNode);
  if (state.selectedEdge) p.set("edge", state.selectedEdge);
  if (state.sizeBy !== "degree") p.set("size", state.sizeBy);
  if (state.colorBy !== "category") p.set("color", state.colorBy);
  if (state.path) p.set("path", `${state.path.from},${state.path.to}`);
  if (state.compare) p.set("compare", `${periodParam(state.compare.a)},${periodParam(state.compare.b)}`);
  if (state.asOf) p.set("asOf", state.asOf);
  if (state.camera) p.set("cam", [state.camera.x, state.camera.y, state.camera.ratio].map(round).join(","));
  return p.toString();
}
