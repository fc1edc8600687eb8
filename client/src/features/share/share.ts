/**
 * Share a view
 * ============
 *
 * Builds the body of `POST /api/snapshots` from the graphology graph on screen and the explorer's state, posts it,
 * and returns the snapshot's link (the same view always gets the same link: the id is a hash of the content).
 *
 * Exports:
 * - `buildSnapshotBody(graph, state, meta)` → the JSON body (graph as `graph.export()`, nodes with x/y);
 * - `cameraOf(sigma)` → the `state.camera` of a sigma instance;
 * - `shareSnapshot(graph, state, meta, signal?)` → `{ id, url, absoluteUrl, embedUrl }`, throws ApiError;
 * - `embedSnippet(url, size?)` → an `<iframe>` snippet for the embed view.
 */
import type Graph from "graphology";
import type Sigma from "sigma";
import type { CreateSnapshotRequest, SnapshotState } from "../../../../contracts/snapshots";
import { ApiError, request } from "../../api/client";

export type { SnapshotState };

/** The request body of `POST /api/snapshots`. */
export type SnapshotBody = CreateSnapshotRequest;

/** The link to a stored snapshot. */
export interface SharedSnapshot {
  id: string;
  /** Path of the read-only page, `/s/<id>`. */
  url: string;
  /** The same with this page's origin, to copy. */
  absoluteUrl: string;
  /** The chrome-less page for iframes, `/s/<id>?embed=1`, with the origin. */
  embedUrl: string;
}

/** Keeps JSON-able values only: sigma and the store may leave functions or undefined in attributes. */
function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The snapshot body for a graph and state. Node positions are the graph's `x`/`y` attributes, so call it after
 * the layout has settled; render attributes (size, color) travel too so the snapshot looks the same.
 */
export function buildSnapshotBody(
  graph: Graph,
  state: SnapshotState,
  meta: { title?: string; note?: string } = {},
): SnapshotBody {
  const exported = graph.export();
  return jsonSafe({ title: (meta.title ?? "").trim(), note: meta.note ?? "", graph: exported, state });
}

/** The camera of a sigma instance as `state.camera`. */
export function cameraOf(sigma: Sigma): NonNullable<SnapshotState["camera"]> {
  const { x, y, ratio, angle } = sigma.getCamera().getState();
  return { x, y, ratio, angle };
}

/** Posts the view and returns its link; throws ApiError with the server's message (413 when too big). */
export async function shareSnapshot(
  graph: Graph,
  state: SnapshotState,
  meta: { title?: string; note?: string } = {},
  signal?: AbortSignal,
): Promise<SharedSnapshot> {
  const body = await request<{ id?: string; url?: string }>("/api/snapshots", {
    method: "POST",
    body: buildSnapshotBody(graph, state, meta),
    signal,
  });
  if (!body?.id || !body.url) throw new ApiError(200, "HTTP", "Sharing failed (200).");
  const absoluteUrl = new URL(body.url, window.location.origin).href;
  return { id: body.id, url: body.url, absoluteUrl, embedUrl: `${absoluteUrl}?embed=1` };
}

/** HTML to paste into another page to embed the snapshot (pan, zoom and hover work inside the frame). */
export function embedSnippet(absoluteUrl: string, size: { width?: number | string; height?: number } = {}): string {
  const src = absoluteUrl.includes("?") ? `${absoluteUrl}&embed=1` : `${absoluteUrl}?embed=1`;
  const width = size.width ?? "100%";
  const height = size.height ?? 480;
  return `<iframe src="${src.replace(/"/g, "&quot;")}" width="${width}" height="${height}" style="border:0" loading="lazy" title="Parley network snapshot"></iframe>`;
}
