/**
 * Snapshot page
 * =============
 *
 * For the read-only routes `/s/:id` and `/s/:id?embed=1`: reads the URL, fetches the stored view, and hands the
 * main app a graphology graph, the state and the metadata to render read-only with a banner
 * ("Snapshot taken <date> — open live"); in embed mode the app shows the canvas only.
 *
 * Exports:
 * - `snapshotRoute(location?)` → `{ id, embed }` when the page is a snapshot page, else null;
 * - `loadSnapshot(id, signal?)` → `{ graph, state, meta }`, throws SnapshotGoneError (410) or ApiError;
 * - `openLive(id, signal?)` → today's graph under the same filters and what changed (`LiveDiff`);
 * - `snapshotBanner(meta, onOpenLive)` → the banner element;
 * - `applyCamera(sigma, state)` → puts sigma's camera where the snapshot had it;
 * - `diffHighlights(diff)` → node/edge keys added and removed, for reducers.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type Sigma from "sigma";
import type { LiveDiff, SnapshotSummary, SnapshotView } from "../../../../contracts/snapshots";
import { ApiError, getJson } from "../../api/client";
import type { SnapshotState } from "../share/share";

export type { LiveDiff };

/** Metadata shown in the banner. */
export type SnapshotMeta = Omit<SnapshotSummary, "url">;

/** A snapshot that was taken down: its page shows the reason instead of a graph. */
export class SnapshotGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnapshotGoneError";
  }
}

const ROUTE = /^\/s\/([0-9a-f]{20})\/?$/;

/** The snapshot id and embed flag of the page's URL, or null when this is not a snapshot page. */
export function snapshotRoute(
  location: Pick<Location, "pathname" | "search"> = window.location,
): { id: string; embed: boolean } | null {
  const match = ROUTE.exec(location.pathname);
  if (!match) return null;
  return { id: match[1]!, embed: new URLSearchParams(location.search).get("embed") === "1" };
}

/** Fetches a snapshot and rebuilds its graph (a new graphology instance with the stored options). */
export async function loadSnapshot(
  id: string,
  signal?: AbortSignal,
): Promise<{ graph: Graph; state: SnapshotState; meta: SnapshotMeta }> {
  let view: SnapshotView;
  try {
    view = await getJson<SnapshotView>(`/api/snapshots/${encodeURIComponent(id)}`, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 410) throw new SnapshotGoneError(error.message);
    throw error;
  }
  const graph = new Graph({
    type: view.graph.options?.type ?? "mixed",
    multi: view.graph.options?.multi ?? true,
    allowSelfLoops: true,
  });
  graph.import(view.graph as SerializedGraph);
  const { title, note, createdAt, formatVersion, nodeCount, edgeCount } = view;
  return {
    graph,
    state: view.state,
    meta: { id: view.id, title, note, createdAt, formatVersion, nodeCount, edgeCount },
  };
}

/** "Open live": the snapshot's filters run on today's data, with nodes and edges added and gone since. */
export function openLive(id: string, signal?: AbortSignal): Promise<LiveDiff> {
  return getJson<LiveDiff>(`/api/snapshots/${encodeURIComponent(id)}/live`, signal);
}

/** Key sets of a diff, so reducers can colour added and removed elements. */
export function diffHighlights(diff: LiveDiff): {
  addedNodes: Set<string>;
  removedNodes: Set<string>;
  addedEdges: Set<string>;
  removedEdges: Set<string>;
} {
  if (!diff.supported)
    return { addedNodes: new Set(), removedNodes: new Set(), addedEdges: new Set(), removedEdges: new Set() };
  return {
    addedNodes: new Set(diff.added.nodes.map((n) => n.key)),
    removedNodes: new Set(diff.removed.nodes.map((n) => n.key)),
    addedEdges: new Set(diff.added.edges.map((e) => e.key)),
    removedEdges: new Set(diff.removed.edges.map((e) => e.key)),
  };
}

/** Puts sigma's camera where it was when the snapshot was taken (no animation, so screenshots compare). */
export function applyCamera(sigma: Sigma, state: SnapshotState): void {
  if (state.camera) sigma.getCamera().setState({ ...state.camera, angle: state.camera.angle ?? 0 });
}

/** The read-only banner: "Snapshot taken <date> — open live", the title and note. */
export function snapshotBanner(meta: SnapshotMeta, onOpenLive: () => void): HTMLElement {
  const banner = document.createElement("div");
  banner.className = "snapshot-banner";
  banner.setAttribute("role", "status");
  const taken = new Date(meta.createdAt);
  const when = Number.isNaN(taken.getTime())
    ? meta.createdAt
    : taken.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  const text = document.createElement("span");
  text.textContent = `${meta.title ? `${meta.title} · ` : ""}Snapshot taken ${when} — `;
  const live = document.createElement("button");
  live.type = "button";
  live.className = "snapshot-open-live";
  live.textContent = "open live";
  live.addEventListener("click", onOpenLive);
  banner.append(text, live);
  if (meta.note) {
    const note = document.createElement("p");
    note.className = "snapshot-note";
    note.textContent = meta.note;
    banner.append(note);
  }
  return banner;
}
