/**
 * Parley explorer entry
 * =====================
 *
 * Wires the store, the graph, sigma, the panels and the controllers: loads the network for the current view,
 * filters and time window, lays it out with ForceAtlas2 then noverlap (unless the data brings its own positions), and
 * signals readiness on `document.body.dataset.ready` ("true" once drawn and settled) for people and tests alike.
 * Graphs of thousands of nodes get sigma's big-graph mode; the server's level-of-detail overview sends community
 * meta-nodes, which open in place on click.
 */
import Graph from "graphology";
import type Sigma from "sigma";
import { DEFAULT_SETTINGS, type Settings } from "sigma/settings";
import type { SerializedGraph as GraphologySerialized } from "graphology-types";
import type { SerializedGraph } from "../../contracts/graph";
import { errorMessage, isMissingEndpoint } from "./api/client";
import { fetchGraph, fetchNeighbors, fetchPath, fetchTimeline } from "./api/endpoints";
import { bindSigmaEvents } from "./controllers/sigma-events";
import { bindUrlSync, stateFromUrl } from "./controllers/url";
import { loadGraph, placeNewNodes, positionsNear, positionsOf, styleEdges, styleNodes } from "./graph/build";
import {
  EditHistory,
  type GraphDelta,
  applyDelta,
  collapseDelta,
  edgeRecord,
  invertDelta,
  nodeRecord,
} from "./graph/edit-history";
import { assignMetrics } from "./graph/metrics";
import { allShortestPaths, pathElements } from "./graph/paths";
import { Store, type Theme, graphQuery } from "./graph/store";
import { fillMonths, timelineFromGraph } from "./graph/timeline";
import { bindAddArticle } from "./features/add-article/add-article";
import { renderCuration } from "./features/curation/curation";
import { type DetailsActions, hideDetails, showEdge, showNode } from "./features/details/details";
import { h } from "./ui/dom";
import {
  type FilterOptions,
  collectOptions,
  emptyOptions,
  renderDisplay,
  renderFilters,
} from "./features/filters/filters";
import { renderLegend } from "./features/legend/legend";
import { renderMetrics } from "./features/metrics/metrics";
import { type PathPanelView, renderPathPanel } from "./features/path/path";
import { bindSearch } from "./features/search/search";
import { TimelinePanel } from "./features/timeline/timeline";
import { renderToolbar } from "./features/toolbar/toolbar";
import { bootExtensions, isReadOnly } from "./controllers/extensions";
import type { ExplorerHost } from "./controllers/explorer-host";
import { type BigGraphMode, bigGraphMode, bigGraphSettings, isBigGraph } from "./sigma/big-graph-settings";
import { type ExplorerReducers, createReducers } from "./sigma/reducers";
import { baseSettings, centreOn, createRenderer, fitCamera, focusNode, isFitted } from "./sigma/renderer";
import { LayoutController, layoutBudget } from "./sigma/layout";
import { readCanvasTheme } from "./sigma/theme";
import "./styles.css";

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

const $ = (id: string) => document.getElementById(id)!;
const el = {
  graph: $("graph"),
  legend: $("legend"),
  status: $("status"),
  message: $("message"),
  details: $("details"),
  filters: $("filters"),
  display: $("display"),
  path: $("path-panel"),
  metrics: $("metrics"),
  toolbar: $("toolbar"),
  timeline: $("timeline"),
};

const initial = stateFromUrl(location.search);
const savedTheme = localStorage.getItem("parley-theme");
if (savedTheme === "light" || savedTheme === "dark") initial.state.theme = savedTheme;
const store = new Store(initial.state);
const graph = new Graph({ multi: true, type: "mixed", allowSelfLoops: true });
const history = new EditHistory(graph);
const layout = new LayoutController(graph);
const timeline = new TimelinePanel(el.timeline, store);
const options: FilterOptions = emptyOptions();
/** Pages fetched per expanded node: next offset and the server's total. */
const pages = new Map<string, { offset: number; total: number }>();
/** Nodes and edges a path brought in that the view did not have, removed when the path is cleared. */
let pathOverlay: GraphDelta | null = null;
let pathView: PathPanelView = {
  from: initial.url.pathEnds?.[0] ?? null,
  to: initial.url.pathEnds?.[1] ?? null,
  result: null,
  error: false,
};
let renderer: Sigma | null = null;
let reducers: ExplorerReducers | null = null;
/** Big-graph mode of the current graph (null below the threshold) and its camera hook's detach function. */
let big: { mode: BigGraphMode; detach: () => void } | null = null;
let refreshTheme: (() => void) | null = null;
let loadSeq = 0;

const PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------------------------
// Status, messages, readiness
// ---------------------------------------------------------------------------------------------------------------

function setReady(value: "true" | "false" | "error" | "empty"): void {
  document.body.dataset.ready = value;
}

function showMessage(
  text: string | null,
  kind: "error" | "empty" | "info" = "info",
  action?: { label: string; run: () => void },
): void {
  if (!text) {
    el.message.hidden = true;
    el.message.replaceChildren();
    return;
  }
  el.message.hidden = false;
  el.message.className = `message ${kind}`;
  el.message.dataset.kind = kind;
  el.message.replaceChildren(
    h("p", { text }),
    ...(action ? [h("button", { type: "button", class: "button", onclick: action.run }, action.label)] : []),
  );
}

function updateStatus(extra = ""): void {
  const attrs = graph.getAttributes();
  const truncated = attrs.truncated ? " · showing the most connected" : "";
  el.status.textContent = `${graph.order} nodes, ${graph.size} links${truncated}${extra}`;
  el.status.classList.remove("error");
}

// ---------------------------------------------------------------------------------------------------------------
// Derived views: metrics, styles, panels
// ---------------------------------------------------------------------------------------------------------------

/** Recomputes metrics and looks after the graph's structure changed, and redraws the panels that show them. */
function refreshDerived(): void {
  syncBigGraphMode();
  // Index nodes just added before bulk attribute updates: sigma repaints hinted updates only for indexed nodes.
  renderer?.refresh();
  styleEdges(graph);
  assignMetrics(graph);
  styleNodes(graph, store.state.sizeBy, store.state.colorBy);
  renderLegend(el.legend, graph, store.state.colorBy);
  renderMetrics(el.metrics, graph, store.state.sizeBy, (id) => pick(id));
  renderPathPanel(el.path, graph, pathView, pathActions);
  renderToolbarNow();
  updateStatus();
}

function renderToolbarNow(): void {
  renderToolbar(
    el.toolbar,
    { layoutRunning: layout.running, canUndo: history.canUndo, canRedo: history.canRedo },
    {
      zoomIn: () => void renderer?.getCamera().animatedZoom({ duration: 250 }),
      zoomOut: () => void renderer?.getCamera().animatedUnzoom({ duration: 250 }),
      fit: () => void (renderer && fitCamera(renderer)),
      reset: () => {
        clearPath();
        store.selectNode(null);
        void (renderer && fitCamera(renderer));
      },
      toggleLayout: () => (layout.running ? layout.stop() : layout.start()),
      undo: () => edit(history.undo()),
      redo: () => edit(history.redo()),
    },
  );
}

/** Selects a node, moves the camera to it (and opens its panel through the store). */
function pick(id: string): void {
  store.selectNode(id);
  if (renderer && graph.hasNode(id)) focusNode(renderer, id);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading the network
// ---------------------------------------------------------------------------------------------------------------

async function loadNetwork(first = false): Promise<void> {
  const seq = ++loadSeq;
  setReady("false");
  layout.stop();
  el.status.textContent = "Loading the network…";
  el.graph.setAttribute("aria-busy", "true");
  let data: SerializedGraph;
  try {
    data = await fetchGraph(graphQuery(store.state.view, store.state.filters, store.state.time));
  } catch (error) {
    if (seq !== loadSeq) return;
    const text = errorMessage(error, "The network could not be loaded.");
    el.status.textContent = text;
    el.status.classList.add("error");
    showMessage(text, "error", { label: "Try again", run: () => void loadNetwork(first) });
    setReady("error");
    return;
  }
  if (seq !== loadSeq) return;
  // Positions stored with the data are the layout: ForceAtlas2 would only undo them.
  const stored =
    data.nodes.length > 0 &&
    data.nodes.every((n) => typeof n.attributes?.x === "number" && typeof n.attributes?.y === "number");
  const previous = positionsOf(graph);
  pathOverlay = null;
  loadGraph(graph, data as GraphologySerialized, previous);
  graph.replaceAttributes(data.attributes ?? {});
  history.clear();
  pages.clear();
  collectOptions(graph, options);
  renderFilters(el.filters, store, options);
  const filtered =
    store.state.filters.kinds.length +
      store.state.filters.topics.length +
      store.state.filters.countries.length +
      store.state.filters.roles.length >
      0 ||
    store.state.time.from ||
    store.state.time.to;
  if (graph.order === 0) {
    refreshDerived();
    el.graph.removeAttribute("aria-busy");
    if (!filtered) {
      showMessage("The database is empty: load data with `npm run load -- <file>`.", "empty");
      el.status.textContent = "The database is empty.";
      setReady("empty");
      return;
    }
    showMessage("Nothing matches these filters and this time window.", "empty", {
      label: "Clear filters",
      run: () => {
        store.set({ filters: { kinds: [], topics: [], countries: [], roles: [] }, time: { from: null, to: null } });
      },
    });
    setReady("true");
    return;
  }
  showMessage(null);
  refreshDerived();
  if (!renderer) startRenderer();
  // Only nodes new to this picture need a long layout; a reload that keeps most positions settles quickly.
  const known = graph.filterNodes((n) => previous.has(n)).length;
  if (!stored) await layout.settle(known > graph.order * 0.8 ? 500 : layoutBudget(graph.order));
  if (seq !== loadSeq) return;
  // Refresh first: the fit reads the laid-out positions from sigma's display data.
  renderer!.refresh();
  const camera = renderer!.getCamera();
  if (first && store.state.camera) camera.setState(store.state.camera);
  else if (first || known < graph.order * 0.8) void fitCamera(renderer!, 0);
  el.graph.removeAttribute("aria-busy");
  if (first) await restoreFromUrl();
  else if (store.state.selectedNode && !graph.hasNode(store.state.selectedNode))
    updateStatus(" · the selected node is outside this view");
  setReady("true");
}

/** After the first load: reopen the selected node or edge, and re-run the path from the URL. */
async function restoreFromUrl(): Promise<void> {
  const { selectedNode, selectedEdge } = store.state;
  if (selectedNode) void openDetails();
  else if (selectedEdge && graph.hasEdge(selectedEdge)) void openDetails();
  else if (selectedEdge) store.selectEdge(null);
  if (pathView.from && pathView.to) await findPath(pathView.from, pathView.to);
}

async function loadTimeline(): Promise<void> {
  timeline.setView({ bars: [], undated: 0, state: "loading" });
  const query = graphQuery(store.state.view, store.state.filters, { from: null, to: null });
  try {
    let data;
    try {
      data = await fetchTimeline(query);
    } catch (error) {
      if (!isMissingEndpoint(error)) throw error;
      // No timeline endpoint on this server: count the events of the unwindowed event graph.
      data = timelineFromGraph(await fetchGraph(graphQuery("events", store.state.filters, { from: null, to: null })));
    }
    const bars = fillMonths(data);
    timeline.setView({ bars, undated: data.undated, state: bars.length ? "ready" : "empty" });
  } catch (error) {
    timeline.setView({
      bars: [],
      undated: 0,
      state: "error",
      message: errorMessage(error, "The timeline could not be loaded."),
    });
  }
}

function startRenderer(): void {
  reducers = createReducers(graph, store, readCanvasTheme);
  const own = {
    nodeReducer: reducers.nodeReducer,
    edgeReducer: reducers.edgeReducer,
    nodeProgramClasses: baseSettings.nodeProgramClasses,
    edgeProgramClasses: baseSettings.edgeProgramClasses,
  };
  // Big graphs start in big-graph mode, so even the first frame is the light one.
  const mode = isBigGraph(graph) ? bigGraphMode(graph, { previous: own }) : null;
  renderer = createRenderer(graph, el.graph, readCanvasTheme(), mode?.settings ?? own);
  big = mode ? { mode, detach: mode.attach(renderer) } : null;
  refreshTheme = reducers.attach(renderer);
  bindSigmaEvents(
    renderer,
    store,
    (node) => void expand(node),
    (node) => void openCommunity(node),
  );
  // Sigma only watches window resizes; the stage also changes size when the details panel opens or closes.
  new ResizeObserver(() => {
    if (!renderer) return;
    // A fitted view stays fitted (opening the details panel narrows the canvas and would cut the graph's edge off);
    // a view the reader moved stays as it is.
    const fitted = isFitted(renderer);
    renderer.resize();
    if (fitted) void fitCamera(renderer, 0);
    renderer.refresh({ skipIndexation: true });
  }).observe(el.graph);
  layout.onChange(() => {
    renderToolbarNow();
    // Noverlap moved nodes after FA2 stopped: redraw.
    renderer?.refresh();
  });
  (window as unknown as { parley: unknown }).parley = { graph, renderer, store, history, layout };
}

/**
 * Enters, renews or leaves the big-graph mode after the graph changed: its ranking of important nodes depends on
 * the data, and a reload can cross the threshold either way.
 */
function syncBigGraphMode(): void {
  if (!renderer || !reducers) return;
  const own = {
    nodeReducer: reducers.nodeReducer,
    edgeReducer: reducers.edgeReducer,
    nodeProgramClasses: baseSettings.nodeProgramClasses,
    edgeProgramClasses: baseSettings.edgeProgramClasses,
  };
  const wasBig = big !== null;
  big?.detach();
  big = null;
  if (isBigGraph(graph)) {
    const mode = bigGraphMode(graph, { previous: own });
    renderer.setSettings(mode.settings);
    big = { mode, detach: mode.attach(renderer) };
  } else if (wasBig) {
    // Back to the explorer's own values for every setting the big-graph mode changed.
    const restored: Record<string, unknown> = { ...own };
    for (const key of Object.keys(bigGraphSettings) as (keyof Settings)[])
      restored[key] = baseSettings[key] ?? DEFAULT_SETTINGS[key];
    renderer.setSettings(restored as Partial<Settings>);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Details panel
// ---------------------------------------------------------------------------------------------------------------

const detailsActions: DetailsActions = {
  select: (id) => pick(id),
  close: () => store.selectNode(null),
  expand: (id) => void expand(id),
  collapse: (id) => collapse(id),
  canCollapse: (id) => history.expansions.has(id),
  expansionNote: (id) => {
    const page = pages.get(id);
    return page ? `Showing ${Math.min(page.offset, page.total)} of ${page.total} neighbours, by evidence count` : null;
  },
  canExpandMore: (id) => {
    const page = pages.get(id);
    return !page || page.offset < page.total;
  },
  pathEnd: (which, id) => {
    pathView = { ...pathView, [which]: id, result: null, error: false };
    renderPathPanel(el.path, graph, pathView, pathActions);
    if (pathView.from && pathView.to) void findPath(pathView.from, pathView.to);
  },
  curation: (d) => renderCuration(d, { changed: (select) => afterCuration(select) }),
};

/** After an edit, merge, delete or revert: reload the network, then show the node that now stands for the subject. */
async function afterCuration(select: string | null): Promise<void> {
  // Select first, so the reload does not report a merged-away or deleted node as "outside this view".
  if (select !== store.state.selectedNode) store.selectNode(select);
  else if (select) void openDetails();
  await loadNetwork();
  if (select && renderer && graph.hasNode(select)) focusNode(renderer, select);
}

async function openDetails(): Promise<void> {
  const { selectedNode, selectedEdge } = store.state;
  if (selectedNode) await showNode(el.details, graph, selectedNode, detailsActions);
  else if (selectedEdge && graph.hasEdge(selectedEdge)) await showEdge(el.details, graph, selectedEdge, detailsActions);
  else hideDetails(el.details);
}

// ---------------------------------------------------------------------------------------------------------------
// Expand / collapse with undo and redo
// ---------------------------------------------------------------------------------------------------------------

/** Applies an undo/redo result: new looks, metrics and panels. */
function edit(delta: GraphDelta | null): void {
  if (!delta) return;
  refreshDerived();
  renderer?.refresh();
  if (store.state.selectedNode) void openDetails();
}

async function expand(id: string): Promise<void> {
  if (isReadOnly()) return; // snapshot pages show the stored graph only
  const page = pages.get(id) ?? { offset: 0, total: Infinity };
  if (page.offset >= page.total) {
    updateStatus(" · all neighbours already shown");
    return;
  }
  setReady("false");
  el.status.textContent = "Loading neighbours…";
  try {
    const dto = await fetchNeighbors(id, PAGE_SIZE, page.offset);
    pages.set(id, { offset: dto.offset + dto.items.length, total: dto.total });
    const center = graph.hasNode(id) ? graph.getNodeAttributes(id) : { x: 0, y: 0 };
    const fresh = dto.graph.nodes.filter((n) => !graph.hasNode(n.key));
    const ring = 18 + 2 * Math.sqrt(fresh.length);
    const addNodes = fresh.map((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
      return {
        key: n.key,
        attributes: {
          ...n.attributes,
          x: (center.x as number) + ring * Math.cos(angle),
          y: (center.y as number) + ring * Math.sin(angle),
        },
      };
    });
    const present = new Set([...graph.nodes(), ...addNodes.map((n) => n.key)]);
    const addEdges = dto.graph.edges
      .filter((e) => !graph.hasEdge(e.key) && present.has(e.source) && present.has(e.target))
      .map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: { ...e.attributes } }));
    const label = String(graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
    if (!addNodes.length && !addEdges.length) {
      updateStatus(` · no new neighbours of ${label}`);
    } else {
      history.push({ label: `Expand ${label}`, owner: id, addNodes, addEdges, removeNodes: [], removeEdges: [] });
      placeNewNodes(graph);
      refreshDerived();
      updateStatus(` · ${label}: ${Math.min(pages.get(id)!.offset, dto.total)} of ${dto.total} neighbours shown`);
      // Adding nodes reframes the graph, which slides the expanded node away from where the reader was looking.
      if (renderer && graph.hasNode(id)) {
        renderer.refresh();
        centreOn(renderer, id);
      }
    }
  } catch (error) {
    const text = isMissingEndpoint(error)
      ? "Expanding needs /api/nodes/:id/neighbors, which this server does not offer yet."
      : errorMessage(error, "The neighbours could not be loaded.");
    showMessage(text, "error", { label: "Dismiss", run: () => showMessage(null) });
  }
  renderer?.refresh();
  if (store.state.selectedNode === id) void openDetails();
  setReady("true");
}

function collapse(id: string): void {
  const label = String(graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const delta = collapseDelta(graph, history, id, `Collapse ${label}`);
  if (!delta) return;
  history.push(delta);
  pages.delete(id);
  edit(delta);
}

// ---------------------------------------------------------------------------------------------------------------
// Community meta-nodes of the level-of-detail overview (server/modules/graph/graph.lod.ts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Opens a community meta-node in place: fetches the community's own top actors and adds them around it, with the
 * links among what is on screen. The meta-node stays, renewed, for members still folded, and goes when none are.
 * Recorded as one edit, so undo folds the community again.
 */
async function openCommunity(meta: string): Promise<void> {
  if (isReadOnly() || !graph.hasNode(meta)) return;
  const attrs = graph.getNodeAttributes(meta);
  const label = String(attrs.label ?? meta);
  const community = typeof attrs.lodCommunity === "string" ? attrs.lodCommunity : null;
  if (!attrs.expandable || !community) {
    updateStatus(` · ${label} groups several small communities and cannot be opened`);
    return;
  }
  setReady("false");
  el.status.textContent = `Opening ${label}…`;
  try {
    const dto = await fetchGraph(new URLSearchParams({ view: "met", community }).toString());
    const center = { x: attrs.x as number, y: attrs.y as number };
    // Other meta-nodes in the answer fold the rest of the world differently from the view: keep the view's.
    const members = dto.nodes.filter((n) => n.attributes?.category !== "community" && !graph.hasNode(n.key));
    const renewed = dto.nodes.find((n) => n.key === meta);
    const ring = 18 + 2 * Math.sqrt(members.length);
    const addNodes: { key: string; attributes: Record<string, unknown> }[] = members.map((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, members.length);
      return {
        key: n.key,
        attributes: { ...n.attributes, x: center.x + ring * Math.cos(angle), y: center.y + ring * Math.sin(angle) },
      };
    });
    // The meta-node now stands for fewer actors: its old links are replaced by the answer's.
    const removeEdges = graph.edges(meta).map((e) => edgeRecord(graph, e));
    const removeNodes = [nodeRecord(graph, meta)];
    if (renewed)
      addNodes.push({
        key: meta,
        attributes: { ...attrs, ...renewed.attributes, lodCommunity: community, x: center.x, y: center.y },
      });
    const present = new Set([...graph.nodes().filter((n) => n !== meta), ...addNodes.map((n) => n.key)]);
    const addEdges = dto.edges
      .filter(
        (e) =>
          present.has(e.source) &&
          present.has(e.target) &&
          (!graph.hasEdge(e.key) || e.source === meta || e.target === meta),
      )
      .map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: { ...e.attributes } }));
    // The pointer still rests on the meta-node: its hover would dim the members that just arrived.
    store.hover(null);
    history.push({ label: `Open ${label}`, owner: meta, addNodes, addEdges, removeNodes, removeEdges });
    placeNewNodes(graph);
    refreshDerived();
    updateStatus(
      ` · ${label}: ${members.length} actor${members.length === 1 ? "" : "s"} opened${renewed ? ", the rest still folded" : ""}`,
    );
    renderer?.refresh();
    const focus = renewed ? meta : members[0]?.key;
    if (renderer && focus && graph.hasNode(focus)) centreOn(renderer, focus);
  } catch (error) {
    showMessage(errorMessage(error, "This community could not be opened."), "error", {
      label: "Dismiss",
      run: () => showMessage(null),
    });
    updateStatus();
  }
  setReady("true");
}

// ---------------------------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------------------------

function clearPath(): void {
  if (pathOverlay) {
    applyDelta(graph, invertDelta(pathOverlay));
    pathOverlay = null;
    refreshDerived();
  }
  pathView = { from: null, to: null, result: null, error: false };
  store.set({ path: null });
  renderPathPanel(el.path, graph, pathView, pathActions);
}

async function findPath(from: string, to: string): Promise<void> {
  if (pathOverlay) {
    applyDelta(graph, invertDelta(pathOverlay));
    pathOverlay = null;
  }
  pathView = { from, to, result: "Searching…", error: false };
  renderPathPanel(el.path, graph, pathView, pathActions);
  let paths: string[][];
  try {
    const dto = await fetchPath(from, to);
    paths = dto.paths;
    // Paths run through events, which the "met with" view does not draw: bring in what is missing, for now.
    const fresh = dto.graph.nodes.filter((n) => !graph.hasNode(n.key));
    const near = positionsNear(
      graph,
      fresh.map((n) => n.key),
      dto.graph.edges,
    );
    const addNodes = fresh.map((n) => ({ key: n.key, attributes: { ...n.attributes, ...near.get(n.key)! } }));
    const keys = new Set([...graph.nodes(), ...addNodes.map((n) => n.key)]);
    const addEdges = dto.graph.edges
      .filter((e) => !graph.hasEdge(e.key) && keys.has(e.source) && keys.has(e.target))
      .map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: { ...e.attributes } }));
    if (addNodes.length || addEdges.length) {
      pathOverlay = { label: "Path", owner: from, addNodes, addEdges, removeNodes: [], removeEdges: [] };
      applyDelta(graph, pathOverlay);
      placeNewNodes(graph);
      // Keep the overlay's positions so clearing and undo stay exact.
      pathOverlay.addNodes = pathOverlay.addNodes.map((n) => nodeRecord(graph, n.key));
      pathOverlay.addEdges = pathOverlay.addEdges.map((e) => edgeRecord(graph, e.key));
    }
  } catch (error) {
    if (!isMissingEndpoint(error)) {
      pathView = { from, to, result: errorMessage(error, "The path could not be computed."), error: true };
      refreshDerived();
      return;
    }
    paths = allShortestPaths(graph, from, to);
  }
  refreshDerived();
  if (!paths.length) {
    pathView = { from, to, result: "These two are not connected in this network.", error: false };
    store.set({ path: null });
  } else {
    const { nodes, edges } = pathElements(graph, paths);
    const steps = paths[0]!.length - 1;
    pathView = {
      from,
      to,
      result: `${paths.length} shortest path${paths.length === 1 ? "" : "s"}, ${steps} step${steps === 1 ? "" : "s"}: ${paths[0]!.map((n) => (graph.hasNode(n) ? graph.getNodeAttribute(n, "label") : n)).join(" → ")}`,
      error: false,
    };
    store.set({ path: { from, to, nodes, edges } });
  }
  renderPathPanel(el.path, graph, pathView, pathActions);
  renderer?.refresh();
}

const pathActions = {
  find: (from: string, to: string) => void findPath(from, to).then(() => setReady("true")),
  clear: () => clearPath(),
};

// ---------------------------------------------------------------------------------------------------------------
// Theme
// ---------------------------------------------------------------------------------------------------------------

function applyTheme(theme: Theme): void {
  if (theme === "auto") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  refreshTheme?.();
}

function toggleTheme(): void {
  const dark =
    store.state.theme === "dark" ||
    (store.state.theme === "auto" && matchMedia("(prefers-color-scheme: dark)").matches);
  const theme: Theme = dark ? "light" : "dark";
  localStorage.setItem("parley-theme", theme);
  store.set({ theme });
}

// ---------------------------------------------------------------------------------------------------------------
// Bindings
// ---------------------------------------------------------------------------------------------------------------

store.subscribe((state, previous) => {
  if (
    (state.view !== previous.view || state.filters !== previous.filters || state.time !== previous.time) &&
    !isReadOnly()
  ) {
    if (pathOverlay) pathOverlay = null;
    pathView = { from: null, to: null, result: null, error: false };
    syncViewButtons();
    renderFilters(el.filters, store, options);
    void loadNetwork();
    if (state.view !== previous.view || state.filters !== previous.filters) void loadTimeline();
  }
  if (state.selectedNode !== previous.selectedNode || state.selectedEdge !== previous.selectedEdge) void openDetails();
  if (state.sizeBy !== previous.sizeBy || state.colorBy !== previous.colorBy) {
    styleNodes(graph, state.sizeBy, state.colorBy);
    renderLegend(el.legend, graph, state.colorBy);
    renderMetrics(el.metrics, graph, state.sizeBy, (id) => pick(id));
    renderer?.refresh({ skipIndexation: false });
  }
  if (state.theme !== previous.theme) applyTheme(state.theme);
});

function syncViewButtons(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-view]"))
    b.setAttribute("aria-pressed", String(b.dataset.view === store.state.view));
}
for (const b of document.querySelectorAll<HTMLButtonElement>("[data-view]")) {
  b.addEventListener("click", () => store.setView(b.dataset.view === "events" ? "events" : "met"));
}
$("theme-toggle").addEventListener("click", toggleTheme);
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => refreshTheme?.());

document.addEventListener("keydown", (e) => {
  const typing =
    e.target instanceof HTMLInputElement ||
    e.target instanceof HTMLTextAreaElement ||
    e.target instanceof HTMLSelectElement;
  if (e.key === "Escape" && !typing && (store.state.selectedNode || store.state.selectedEdge)) store.selectNode(null);
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing) {
    e.preventDefault();
    edit(e.shiftKey ? history.redo() : history.undo());
  }
});

bindSearch(graph, (hit) => pick(hit.id));
bindAddArticle({ store, graph, getRenderer: () => renderer, reload: () => loadNetwork() });
// Console drawer, Share, Export, Open file, and the /s/:id and /snapshots pages (controllers/extensions.ts).
const host: ExplorerHost = {
  graph,
  store,
  layout,
  renderer: () => renderer,
  ensureRenderer: () => renderer ?? (startRenderer(), renderer!),
  refreshDerived,
  resetEdits: () => (history.clear(), pages.clear(), (pathOverlay = null)),
  setReady,
  showMessage,
  reload: () => loadNetwork(),
  loadTimeline,
};
const otherPage = bootExtensions(host);
if (!otherPage) bindUrlSync(store);
renderDisplay(el.display, store);
renderFilters(el.filters, store, options);
renderPathPanel(el.path, graph, pathView, pathActions);
syncViewButtons();
applyTheme(store.state.theme);
hideDetails(el.details);
if (!otherPage) {
  void loadNetwork(true);
  void loadTimeline();
}
