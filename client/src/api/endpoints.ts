/**
 * API endpoints
 * =============
 *
 * One typed function per read endpoint of the Parley API; payload types come from the server's contracts.
 */
import type {
  EdgeEventsDto,
  HealthDto,
  NeighborsPageDto,
  NodeDetailsDto,
  PathDto,
  SearchResultsDto,
  TimelineDto,
} from "../../../contracts/api";
import type { DiffGraph, SerializedGraph } from "../../../contracts/graph";
import type { PlacesDto } from "../../../contracts/places";
import { ApiError, getJson } from "./client";

const enc = encodeURIComponent;

/** `GET /api/graph?…` with a prepared query string. */
export function fetchGraph(query: string, signal?: AbortSignal): Promise<SerializedGraph> {
  return getJson<SerializedGraph>(`/api/graph?${query}`, signal);
}

/** `GET /api/diff?…`: two periods compared, with a prepared query string (`diffQuery`). */
export function fetchDiff(query: string, signal?: AbortSignal): Promise<DiffGraph> {
  return getJson<DiffGraph>(`/api/diff?${query}`, signal);
}

/** `GET /api/places?…`: places with coordinates and event counts, with the graph's filter query string. */
export function fetchPlaces(query: string, signal?: AbortSignal): Promise<PlacesDto> {
  return getJson<PlacesDto>(`/api/places?${query}`, signal);
}

/**
 * The day node details are read as of (`?asOf=`), or null for today. Set by the explorer from its state, so every
 * panel that opens a node (details, their next page of events) reads the same record as the network on screen.
 */
let nodesAsOf: string | null = null;
export function setNodesAsOf(day: string | null): void {
  nodesAsOf = day;
}

/** A node's details with the page of its events that starts at `eventsOffset`. */
export function fetchNode(id: string, signal?: AbortSignal, eventsOffset = 0): Promise<NodeDetailsDto> {
  const params = new URLSearchParams();
  if (eventsOffset) params.set("eventsOffset", String(eventsOffset));
  if (nodesAsOf) params.set("asOf", nodesAsOf);
  const query = params.toString();
  return getJson<NodeDetailsDto>(`/api/nodes/${enc(id)}${query ? `?${query}` : ""}`, signal);
}

export function fetchNeighbors(id: string, limit: number, offset: number): Promise<NeighborsPageDto> {
  return getJson<NeighborsPageDto>(`/api/nodes/${enc(id)}/neighbors?limit=${limit}&offset=${offset}`);
}

export function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResultsDto> {
  return getJson<SearchResultsDto>(`/api/search?q=${enc(q)}`, signal);
}

export function fetchPath(from: string, to: string): Promise<PathDto> {
  return getJson<PathDto>(`/api/path?from=${enc(from)}&to=${enc(to)}`);
}

export function fetchEdgeEvents(source: string, target: string, signal?: AbortSignal): Promise<EdgeEventsDto> {
  return getJson<EdgeEventsDto>(`/api/edges/${enc(source)}/${enc(target)}`, signal);
}

/** `GET /api/timeline` with the same filter query string as the graph (without the time window). */
export function fetchTimeline(query: string, signal?: AbortSignal): Promise<TimelineDto> {
  return getJson<TimelineDto>(`/api/timeline?${query}`, signal);
}

/**
 * `GET /api/health`: liveness and readiness. A 503 still carries the health answer (database down, or being
 * prepared), so it is returned, not thrown; only an unreachable server throws.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthDto> {
  try {
    return await getJson<HealthDto>("/api/health", signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 503) {
      return { status: "unavailable", db: "down", ready: false, bootstrap: "starting the database" };
    }
    throw error;
  }
}

/** The read endpoints the explorer calls, as one object: `createExplorer(element, api)` takes it. */
export interface ApiClient {
  graph: typeof fetchGraph;
  diff: typeof fetchDiff;
  node: typeof fetchNode;
  neighbors: typeof fetchNeighbors;
  search: typeof fetchSearch;
  path: typeof fetchPath;
  edgeEvents: typeof fetchEdgeEvents;
  timeline: typeof fetchTimeline;
  places: typeof fetchPlaces;
  health: typeof fetchHealth;
}

/** The API client of this page's own server. */
export function createApiClient(): ApiClient {
  return {
    graph: fetchGraph,
    diff: fetchDiff,
    node: fetchNode,
    neighbors: fetchNeighbors,
    search: fetchSearch,
    path: fetchPath,
    edgeEvents: fetchEdgeEvents,
    timeline: fetchTimeline,
    places: fetchPlaces,
    health: fetchHealth,
  };
}
