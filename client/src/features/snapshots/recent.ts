/**
 * Recent snapshots page
 * =====================
 *
 * The `/snapshots` route: a list of the most recent shared views, newest first, each linking to its `/s/:id` page.
 *
 * Exports:
 * - `isRecentRoute(location?)` → true on `/snapshots`;
 * - `fetchRecentSnapshots(limit?, signal?)` → the list from `GET /api/snapshots`;
 * - `renderRecentSnapshots(container, signal?)` → fills the container with the list (or a message), returns it.
 */
import type { SnapshotSummary } from "../../../../contracts/snapshots";
import { errorMessage, getJson } from "../../api/client";

/** True when the page is the recent-snapshots page. */
export function isRecentRoute(location: Pick<Location, "pathname"> = window.location): boolean {
  return /^\/snapshots\/?$/.test(location.pathname);
}

/** The most recent snapshots that are not taken down, newest first. */
export async function fetchRecentSnapshots(limit = 50, signal?: AbortSignal): Promise<SnapshotSummary[]> {
  return (await getJson<{ snapshots: SnapshotSummary[] }>(`/api/snapshots?limit=${limit}`, signal)).snapshots;
}

/** Renders the list into `container` (replacing its content); errors are shown, not thrown. */
export async function renderRecentSnapshots(container: HTMLElement, signal?: AbortSignal): Promise<SnapshotSummary[]> {
  const heading = document.createElement("h1");
  heading.textContent = "Recent snapshots";
  container.replaceChildren(heading);
  let snapshots: SnapshotSummary[];
  try {
    snapshots = await fetchRecentSnapshots(50, signal);
  } catch (error) {
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = errorMessage(error, "The snapshots could not be loaded.");
    container.append(p);
    return [];
  }
  if (snapshots.length === 0) {
    const p = document.createElement("p");
    p.textContent = "No view has been shared yet. Use Share in the explorer.";
    container.append(p);
    return snapshots;
  }
  const list = document.createElement("ol");
  list.className = "recent-snapshots";
  for (const s of snapshots) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = s.url;
    link.textContent = s.title || `Snapshot ${s.id}`;
    const info = document.createElement("span");
    info.className = "meta";
    const date = new Date(s.createdAt);
    info.textContent = ` — ${Number.isNaN(date.getTime()) ? s.createdAt : date.toLocaleString()} · ${s.nodeCount} nodes, ${s.edgeCount} edges`;
    item.append(link, info);
    if (s.note) {
      const note = document.createElement("p");
      note.textContent = s.note;
      item.append(note);
    }
    list.append(item);
  }
  container.append(list);
  return snapshots;
}
