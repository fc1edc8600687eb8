/**
 * Snapshot pages
 * ==============
 *
 * `/s/:id` opens the explorer read-only on a stored snapshot (no /api/graph request; filters and editing hidden)
 * with a banner "Snapshot taken <date> — open live" that shows what changed since; `/s/:id?embed=1` shows the
 * canvas only, for iframes; a taken-down snapshot says so; `/snapshots` lists the recent ones.
 */
import type Graph from "graphology";
import type Sigma from "sigma";
import { errorMessage } from "../../api/client";
import type { EdgeAttributes, NodeAttributes } from "../../graph/attributes";
import { loadGraph, positionsNear } from "../../graph/build";
import { COLOR_BY, type ColorBy, SIZE_BY, type SizeBy, VIEWS, type View, emptyFilters } from "../../graph/store";
import { TYPE_NAMES, colorOf } from "../../graph/style";
import { fitCamera } from "../../sigma/renderer";
import { h } from "../../ui/dom";
import { mountExportMenu } from "../export/export-menu";
import { mountLegend } from "../legend/legend";
import { mountMetrics } from "../metrics/metrics";
import type { StoredViewport } from "../share/share-dialog";
import "../share/share.css";
import { renderRecentSnapshots } from "./recent";
import { mountStoryEditor } from "../stories/story-editor";
import "../stories/stories.css";
import type { SnapshotState } from "../share/share";
import {
  type LiveDiff,
  type SnapshotMeta,
  SnapshotGoneError,
  applyCamera,
  loadSnapshot,
  openLive,
  snapshotBanner,
} from "./snapshot-view";
import type { ExplorerHost } from "../../controllers/explorer-host";

const ADDED = "#2f9e44";
const REMOVED = "#e03131";

const topbar = () => document.querySelector<HTMLElement>(".topbar")!;
const sidebar = () => document.getElementById("sidebar")!;

// ---------------------------------------------------------------------------------------------------------------
// Camera
// ---------------------------------------------------------------------------------------------------------------

/**
 * Shows the region the sharer saw: the same centre, at the same scale when this canvas is at least as big, or
 * zoomed out just enough for the whole region to fit in a smaller one (an embed).
 */
export function fitStoredViewport(sigma: Sigma, stored: StoredViewport | undefined): void {
  const { width, height } = sigma.getDimensions();
  if (!stored || !width || !height || !(stored.unitsPerPixel > 0)) return;
  const camera = sigma.getCamera();
  const fit = Math.min(1, width / stored.width, height / stored.height);
  // Conversions get the camera explicitly: without it sigma uses the matrix of the last render, from before the
  // `setState` calls (applyCamera's and these), which skews both the scale and the centre.
  const unitsPerPixel = () => {
    const cameraState = camera.getState();
    const c = sigma.viewportToGraph({ x: width / 2, y: height / 2 }, { cameraState });
    const r = sigma.viewportToGraph({ x: width / 2 + 100, y: height / 2 }, { cameraState });
    return Math.hypot(r.x - c.x, r.y - c.y) / 100;
  };
  const now = unitsPerPixel();
  // Graph units per pixel grow linearly with the camera ratio.
  if (now > 0) camera.setState({ ratio: (camera.ratio * stored.unitsPerPixel) / fit / now });
  const cameraState = camera.getState();
  const framed = sigma.viewportToFramedGraph(sigma.graphToViewport(stored.center, { cameraState }), { cameraState });
  camera.setState({ x: framed.x, y: framed.y });
}

// ---------------------------------------------------------------------------------------------------------------
// Snapshot page
// ---------------------------------------------------------------------------------------------------------------

/** Opens the snapshot page for `route` (read-only explorer, or embed). */
export async function startSnapshotPage(host: ExplorerHost, route: { id: string; embed: boolean }): Promise<void> {
  // Read-only: the explorer then never reloads the database view or expands nodes.
  host.store.set({ readOnly: true });
  document.body.classList.add("snapshot-mode");
  if (route.embed) document.body.classList.add("embed-mode");
  host.setReady("false");
  setStatus("Loading the snapshot…");
  let snapshot: Awaited<ReturnType<typeof loadSnapshot>>;
  try {
    snapshot = await loadSnapshot(route.id);
  } catch (error) {
    const gone = error instanceof SnapshotGoneError;
    document.body.dataset.snapshot = gone ? "gone" : "error";
    document.body.classList.add("snapshot-unavailable");
    const text = gone
      ? `This snapshot is no longer available. ${error.message}`
      : errorMessage(error, "The snapshot could not be loaded.");
    setStatus(gone ? "Snapshot taken down" : "Snapshot unavailable");
    host.showMessage(text, "error", { label: "Open the live explorer", run: () => location.assign("/") });
    if (!route.embed)
      topbar().insertBefore(
        h("div", {
          class: "snapshot-banner gone",
          "data-testid": "snapshot-banner",
          text: gone ? "Snapshot taken down" : "Snapshot unavailable",
        }),
        document.getElementById("theme-toggle"),
      );
    host.setReady("error");
    return;
  }
  const { graph: stored, state, meta } = snapshot;
  document.title = `${meta.title || "Snapshot"} — Parley`;
  restoreState(host, state);
  // Banner and cards first: they settle the canvas size, which the camera fit below depends on.
  if (route.embed) mountEmbedChrome(meta);
  else mountSnapshotChrome(host, meta, state);
  showStoredGraph(host, stored);
  const renderer = host.ensureRenderer();
  renderer.refresh();
  applyCamera(renderer, state);
  // An embed shows the whole network in whatever frame the host page gives it (a wide, low iframe cut the sharer's
  // region off at the bottom); the full page shows the region the sharer saw.
  if (route.embed) void fitCamera(renderer, 0);
  else fitStoredViewport(renderer, state.viewport as unknown as StoredViewport | undefined);
  const selected = Array.isArray(state.selection) ? state.selection[0] : undefined;
  if (selected && host.graph.hasNode(selected) && !route.embed) host.store.selectNode(selected);
  setStatus(`${host.graph.order} nodes, ${host.graph.size} links · snapshot`);
  if (!route.embed) void host.loadTimeline();
  renderer.refresh();
  document.body.dataset.snapshot = "ready";
  host.setReady("true");
}

/** The store as it was when the snapshot was taken (the explorer does not reload on these changes when read-only). */
export function restoreState(host: ExplorerHost, state: SnapshotState): void {
  const styling = (state.styling ?? {}) as { sizeBy?: string; colorBy?: string };
  const filters = state.filters ?? {};
  const view = (state.view ?? filters.view) as View;
  host.store.set({
    view: VIEWS.includes(view) ? view : "met",
    filters: {
      ...emptyFilters(),
      kinds: filters.kinds ?? [],
      topics: filters.topics ?? [],
      countries: filters.countries ?? [],
      roles: filters.roles ?? [],
    },
    time: { from: state.timeWindow?.from ?? filters.from ?? null, to: state.timeWindow?.to ?? filters.to ?? null },
    sizeBy: SIZE_BY.includes(styling.sizeBy as SizeBy) ? (styling.sizeBy as SizeBy) : "degree",
    colorBy: COLOR_BY.includes(styling.colorBy as ColorBy) ? (styling.colorBy as ColorBy) : "category",
    asOf: typeof state.asOf === "string" ? state.asOf : null,
  });
}

/** Puts the stored graph on screen exactly as stored: positions, sizes, colours and metrics are not recomputed. */
export function showStoredGraph(host: ExplorerHost, stored: Graph): void {
  const { graph } = host;
  loadGraph(graph, stored.export(), new Map());
  graph.replaceAttributes(stored.getAttributes());
  host.resetEdits();
  // refreshDerived draws the toolbar, legend and status, but recomputes looks: put the stored ones back after.
  host.refreshDerived();
  stored.forEachNode((node, attributes) => {
    if (graph.hasNode(node)) graph.replaceNodeAttributes(node, withMetricNames(attributes) as NodeAttributes);
  });
  // Drawn once more from the stored looks; a row selects without moving the camera, which shows the sharer's view.
  const legend = document.getElementById("legend");
  if (legend) mountLegend(legend, { graph, store: host.store }).update();
  const metrics = document.getElementById("metrics");
  if (metrics) mountMetrics(metrics, { graph, store: host.store, pick: (id) => host.store.selectNode(id) }).update();
}

/**
 * A stored node's attributes with its metrics under today's names: snapshots taken before the metrics had their own
 * names stored them as `mDegree`, `mBetweenness` and the louvain community in `community`.
 */
function withMetricNames(attributes: Record<string, unknown>): Record<string, unknown> {
  if (attributes.metricDegree !== undefined || attributes.mDegree === undefined) return { ...attributes };
  const { mDegree, mBetweenness, ...rest } = attributes;
  return { ...rest, metricDegree: mDegree, metricBetweenness: mBetweenness, metricCommunity: attributes.community };
}

function setStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

// ---------------------------------------------------------------------------------------------------------------
// Chrome: banner, snapshot card, changes since, embed link
// ---------------------------------------------------------------------------------------------------------------

function mountEmbedChrome(meta: SnapshotMeta): void {
  const link = h("a", {
    class: "embed-brand",
    href: `/s/${meta.id}`,
    target: "_blank",
    rel: "noopener",
    "data-testid": "embed-link",
    title: meta.title ? `${meta.title} — open in Parley` : "Open in Parley",
    text: "Parley",
  });
  document.querySelector(".stage")?.append(link);
}

function mountSnapshotChrome(host: ExplorerHost, meta: SnapshotMeta, state: SnapshotState): void {
  const changes = h("section", { class: "card", "data-testid": "snapshot-changes", hidden: true });
  const banner = snapshotBanner(meta, () => void showChanges(host, meta, changes));
  banner.dataset.testid = "snapshot-banner";
  banner.querySelector("button")?.setAttribute("data-testid", "open-live");
  const actions = h("div", { class: "topbar-actions" });
  topbar().insertBefore(banner, document.getElementById("theme-toggle"));
  topbar().insertBefore(actions, document.getElementById("theme-toggle"));
  mountExportMenu(actions, host, () => meta.title || null);
  actions.append(h("a", { class: "top-button", href: "/", "data-testid": "open-explorer", text: "Live explorer" }));
  sidebar().prepend(snapshotCard(meta, state), changes);
}

/** The sidebar card: title, note, when, what made the view, and the stored files. */
function snapshotCard(meta: SnapshotMeta, state: SnapshotState): HTMLElement {
  const taken = new Date(meta.createdAt);
  const filters = state.filters;
  const query = typeof state.query === "string" ? state.query : (state.query as { text?: string } | undefined)?.text;
  const file = state.file as { name?: string } | undefined;
  const describe: string[] = [];
  const view = state.view ?? filters?.view;
  if (view) describe.push(view === "events" ? "Events view" : "Met-with view");
  for (const key of ["kinds", "topics", "countries", "roles"] as const) {
    const values = filters?.[key];
    if (values?.length) describe.push(`${key}: ${values.map((v) => TYPE_NAMES[v] ?? v).join(", ")}`);
  }
  const from = state.timeWindow?.from ?? filters?.from;
  const to = state.timeWindow?.to ?? filters?.to;
  describe.push(from || to ? `from ${from ?? "the start"} to ${to ?? "today"}` : "all dates");
  if (state.asOf) describe.push(`as known on ${state.asOf}`);
  const exportLink = (format: string, label: string, part = "") =>
    h("a", {
      href: `/api/snapshots/${meta.id}/export?format=${format}${part}`,
      download: "",
      "data-testid": `snapshot-export-${format}${part ? "-edges" : ""}`,
      text: label,
    });
  return h(
    "section",
    { class: "card snapshot-card", "data-testid": "snapshot-card" },
    h(
      "div",
      { class: "card-head" },
      h("h2", { text: "Snapshot" }),
      h("span", { class: "read-only-pill", text: "read-only" }),
    ),
    h("p", { class: "snapshot-title", text: meta.title || "Untitled view" }),
    meta.note ? h("p", { class: "snapshot-card-note", text: meta.note }) : null,
    h("p", {
      class: "muted small",
      text: `Taken ${Number.isNaN(taken.getTime()) ? meta.createdAt : taken.toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" })} · ${meta.nodeCount} nodes, ${meta.edgeCount} links`,
    }),
    h("p", {
      class: "small",
      text: `Made from: ${filters ? describe.join(" · ") : file?.name ? `the file ${file.name}` : "a Cypher query"}`,
    }),
    query ? h("pre", { class: "snapshot-query", "data-testid": "snapshot-query", text: query }) : null,
    h(
      "p",
      { class: "small snapshot-files" },
      "Stored files: ",
      exportLink("gexf", "GEXF"),
      " · ",
      exportLink("graphml", "GraphML"),
      " · ",
      exportLink("json", "JSON"),
      " · ",
      exportLink("csv", "CSV nodes"),
      " · ",
      exportLink("csv", "edges", "&part=edges"),
    ),
  );
}

/** "Open live": today's data under the same filters; what is new is added in green, what is gone turns red. */
async function showChanges(host: ExplorerHost, meta: SnapshotMeta, card: HTMLElement): Promise<void> {
  card.hidden = false;
  card.dataset.state = "loading";
  card.replaceChildren(
    h("div", { class: "card-head" }, h("h2", { text: "Changes since" })),
    h("p", { class: "muted", text: "Comparing with today's data…" }),
  );
  host.setReady("false");
  let diff: LiveDiff;
  try {
    diff = await openLive(meta.id);
  } catch (error) {
    card.dataset.state = "error";
    card.append(h("p", { class: "error-text", text: errorMessage(error, "Today's data could not be loaded.") }));
    card.querySelector(".muted")?.remove();
    host.setReady("true");
    return;
  }
  card.querySelector(".muted")?.remove();
  if (!diff.supported) {
    card.dataset.state = "unsupported";
    card.append(h("p", { class: "small", "data-testid": "live-unsupported", text: diff.reason }));
    host.setReady("true");
    return;
  }
  markChanges(host, diff);
  const label = (key: string) =>
    host.graph.hasNode(key) ? String(host.graph.getNodeAttribute(key, "label") ?? key) : key;
  const list = (
    title: string,
    kind: "added" | "removed",
    items: { key: string; text: string; node: string | null }[],
  ) =>
    items.length
      ? h(
          "details",
          { class: `live-list ${kind}`, open: items.length <= 12, "data-testid": `live-${kind}` },
          h("summary", { text: `${title} (${items.length})` }),
          h(
            "ul",
            {},
            ...items.slice(0, 200).map((item) =>
              h(
                "li",
                {},
                item.node
                  ? h("button", {
                      type: "button",
                      class: "link",
                      text: item.text,
                      onclick: () => host.store.selectNode(item.node),
                    })
                  : item.text,
              ),
            ),
          ),
        )
      : null;
  const { added, removed, unchanged } = diff;
  const none = !added.nodes.length && !removed.nodes.length && !added.edges.length && !removed.edges.length;
  card.dataset.state = "ready";
  card.append(
    ...[
      h<"p">("p", {
        class: "small",
        "data-testid": "live-summary",
        text: none
          ? `Nothing changed: ${unchanged.nodes} nodes and ${unchanged.edges} links are as they were.`
          : `${unchanged.nodes} nodes and ${unchanged.edges} links unchanged.`,
      }),
      h(
        "p",
        { class: "live-legend small" },
        h("span", { class: "dot added" }),
        " new since ",
        h("span", { class: "dot removed" }),
        " gone since",
      ),
      list(
        "New nodes",
        "added",
        added.nodes.map((n) => ({ key: n.key, text: n.label ?? n.key, node: n.key })),
      ),
      list(
        "Gone nodes",
        "removed",
        removed.nodes.map((n) => ({ key: n.key, text: n.label ?? label(n.key), node: n.key })),
      ),
      list(
        "New links",
        "added",
        added.edges.map((e) => ({
          key: e.key,
          text: `${label(e.source)} — ${label(e.target)}${e.kind ? ` (${e.kind})` : ""}`,
          node: null,
        })),
      ),
      list(
        "Gone links",
        "removed",
        removed.edges.map((e) => ({
          key: e.key,
          text: `${label(e.source)} — ${label(e.target)}${e.kind ? ` (${e.kind})` : ""}`,
          node: null,
        })),
      ),
    ].filter((child) => child !== null),
  );
  host.setReady("true");
}

/** Adds today's new nodes and edges beside the stored ones and marks both kinds of change for the reducers. */
function markChanges(host: ExplorerHost, diff: Extract<LiveDiff, { supported: true }>): void {
  const { graph } = host;
  const today = new Map(diff.graph.nodes.map((n) => [n.key, (n.attributes ?? {}) as Record<string, unknown>]));
  const fresh = diff.added.nodes.filter((n) => !graph.hasNode(n.key)).map((n) => n.key);
  const near = positionsNear(graph, fresh, diff.added.edges);
  for (const key of fresh) {
    const a = today.get(key) ?? {};
    graph.addNode(key, {
      ...(a as NodeAttributes),
      label: (a.label ?? key) as string,
      ...near.get(key)!,
      size: 6,
      color: colorOf(String(a.category)),
      liveDiff: "added",
    });
  }
  for (const n of diff.removed.nodes) if (graph.hasNode(n.key)) graph.setNodeAttribute(n.key, "liveDiff", "removed");
  for (const e of diff.added.edges) {
    if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addEdgeWithKey(e.key, e.source, e.target, {
      kind: e.kind,
      size: 1.5,
      color: ADDED,
      type: "line",
      liveDiff: "added",
    } as EdgeAttributes);
  }
  for (const e of diff.removed.edges) if (graph.hasEdge(e.key)) graph.setEdgeAttribute(e.key, "liveDiff", "removed");
  const renderer = host.renderer();
  if (!renderer) return;
  const nodeReducer = renderer.getSetting("nodeReducer");
  const edgeReducer = renderer.getSetting("edgeReducer");
  renderer.setSetting("nodeReducer", (node, data) => {
    const res = nodeReducer ? nodeReducer(node, data) : data;
    const mark = graph.getNodeAttribute(node, "liveDiff");
    if (mark === "added") return { ...res, color: ADDED, forceLabel: true, zIndex: 3 };
    if (mark === "removed") return { ...res, color: REMOVED, forceLabel: true, zIndex: 3 };
    return res;
  });
  renderer.setSetting("edgeReducer", (edge, data) => {
    const res = edgeReducer ? edgeReducer(edge, data) : data;
    const mark = graph.getEdgeAttribute(edge, "liveDiff");
    if (mark === "added") return { ...res, color: ADDED, size: Math.max(2, res.size ?? 1), zIndex: 2 };
    if (mark === "removed") return { ...res, color: REMOVED, size: Math.max(2, res.size ?? 1), zIndex: 2 };
    return res;
  });
  renderer.refresh();
}

// ---------------------------------------------------------------------------------------------------------------
// Recent snapshots page
// ---------------------------------------------------------------------------------------------------------------

/** Replaces the explorer with the list of recent snapshots. */
export async function startRecentPage(host: ExplorerHost): Promise<void> {
  host.store.set({ readOnly: true });
  document.body.classList.add("recent-mode");
  document.title = "Recent snapshots — Parley";
  topbar().insertBefore(
    h("a", { class: "top-button", href: "/", "data-testid": "open-explorer", text: "Back to the explorer" }),
    document.getElementById("theme-toggle"),
  );
  const page = h("main", { class: "recent-page", "data-testid": "recent-snapshots" });
  document.querySelector("main.layout")?.after(page);
  // "New story" builds a story from these snapshots (features/stories/story-editor.ts).
  mountStoryEditor(page, await renderRecentSnapshots(page));
  host.setReady("true");
}
