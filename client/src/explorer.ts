/**
 * Explorer
 * ========
 *
 * `createExplorer(element, api)` builds the whole explorer on the page's markup inside `element`: the store, the
 * graph, sigma, the panels and the controllers. It loads the network for the current view, filters and time window,
 * lays it out with ForceAtlas2 then noverlap (unless the data brings its own positions), and signals readiness on
 * `document.body.dataset.ready` ("true" once drawn and settled) for people and tests alike. Graphs of thousands of
 * nodes get sigma's big-graph mode; the server's level-of-detail overview sends community meta-nodes, which open in
 * place on click. `destroy()` stops the layout, kills sigma and removes every listener and panel.
 */
import Graph from "graphology";
import type Sigma from "sigma";
import { DEFAULT_SETTINGS, type Settings } from "sigma/settings";
import type { SerializedGraph as GraphologySerialized } from "graphology-types";
import type { SerializedGraph } from "../../contracts/graph";
import { errorMessage } from "./api/client";
import { type ApiClient, setNodesAsOf } from "./api/endpoints";
import type { ExplorerHost, ReadyState } from "./controllers/explorer-host";
import { bindGraphKeyboard } from "./controllers/graph-keyboard";
import { bindSigmaEvents } from "./controllers/sigma-events";
import { bindUrlSync, stateFromUrl } from "./controllers/url";
import { mountAddArticle } from "./features/add-article/add-article";
import { renderCuration } from "./features/curation/curation";
import { type DetailsActions, mountDetails } from "./features/details/details";
import { collectOptions, emptyOptions, mountDisplay, mountFilters } from "./features/filters/filters";
import { mountLegend } from "./features/legend/legend";
import { mountMap } from "./features/map/map-view";
import { mountMetrics } from "./features/metrics/metrics";
import { mountPathPanel } from "./features/path/path";
import { mountAsOfPanel } from "./features/as-of/as-of";
import { mountComparePanel } from "./features/compare/compare";
import { mountSearch } from "./features/search/search";
import { mountTableView } from "./features/table/table-view";
import { mountTimeline } from "./features/timeline/timeline";
import { mountToolbar } from "./features/toolbar/toolbar";
// After the features: the extensions' stylesheets come after theirs, as they always did.
import { mountExtensions } from "./controllers/extensions";
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from "./graph/attributes";
import { loadGraph, placeNewNodes, positionsOf, styleEdges, styleNodes } from "./graph/build";
import {
  EditHistory,
  type GraphDelta,
  applyDelta,
  collapseDelta,
  edgeRecord,
  invertDelta,
  nodeRecord,
} from "./graph/edit-history";
import { isEmptyDelta, mergeSubgraph } from "./graph/merge";
import { assignMetrics } from "./graph/metrics";
import { pathElements } from "./graph/paths";
import { Store, type Theme, diffQuery, emptyPathSearch, graphQuery } from "./graph/store";
import { fillMonths } from "./graph/timeline";
import { type BigGraphMode, bigGraphMode, bigGraphSettings, isBigGraph } from "./sigma/big-graph-settings";
import { LayoutController, layoutBudget, separate, settleAtOnce } from "./sigma/layout";
import { type ExplorerReducers, createReducers } from "./sigma/reducers";
import {
  anyNodeOnScreen,
  baseSettings,
  createRenderer,
  fitCamera,
  fitNodes,
  insetsOf,
  moveCamera,
  setCanvasInsets,
  focusNode,
  isFitted,
  drawnLabelNodes,
  setRendererTheme,
  zoomStep,
} from "./sigma/renderer";
import { readCanvasTheme } from "./sigma/theme";
import { viewStats } from "./sigma/view-stats";
import { h } from "./ui/dom";
import type { Panel } from "./ui/panel";

/** A running explorer. */
export interface Explorer {
  /** Stops the layout, kills sigma, and removes the explorer's panels and listeners. */
  destroy(): void;
}

/** Neighbours fetched per click on "expand". */
const PAGE_SIZE = 20;
/** On the map of communities, zooming in past this camera ratio (one wheel step) opens what is at the centre. */
const ZOOM_OPENS_AT = 0.6;
/** Most members one zoom step opens (a community with no neighbour near it would otherwise open whole). */
const ZOOM_MEMBERS_MAX = 400;

/** How a community opened by the zoom fits its area: so many members, this far apart, around a hole this wide. */
interface CommunityFit {
  limit: number;
  spacing: number;
  hole: number;
}

/**
 * Starts the explorer on the markup inside `element` (index.html's top bar, sidebar, stage and details panel),
 * reading its data through `api`.
 */
export function createExplorer(element: HTMLElement, api: ApiClient): Explorer {
  // -------------------------------------------------------------------------------------------------------------
  // State
  // -------------------------------------------------------------------------------------------------------------

  const $ = (id: string) => element.querySelector<HTMLElement>(`#${id}`)!;
  const el = {
    graph: $("graph"),
    legend: $("legend"),
    status: $("status"),
    message: $("message"),
    details: $("details"),
    filters: $("filters"),
    display: $("display"),
    path: $("path-panel"),
    compare: $("compare-panel"),
    asOf: $("as-of-panel"),
    metrics: $("metrics"),
    toolbar: $("toolbar"),
    timeline: $("timeline"),
    search: $("search"),
    addArticle: $("add-article"),
    map: $("map"),
    themeToggle: $("theme-toggle"),
    announcer: $("graph-announcer"),
    tableView: $("table-view"),
    tableToggle: $("table-toggle") as HTMLButtonElement,
  };

  const initial = stateFromUrl(location.search);
  const savedTheme = localStorage.getItem("parley-theme");
  if (savedTheme === "light" || savedTheme === "dark") initial.state.theme = savedTheme;
  const ends = initial.url.pathEnds;
  initial.state.pathSearch = { ...emptyPathSearch(), from: ends?.[0] ?? null, to: ends?.[1] ?? null };
  const store = new Store(initial.state);
  const graph: ExplorerGraph = new Graph<NodeAttributes, EdgeAttributes>({
    multi: true,
    type: "mixed",
    allowSelfLoops: true,
  });
  const history = new EditHistory(graph);
  const layout = new LayoutController(graph);
  const options = emptyOptions();
  /** Pages fetched per expanded node: next offset and the server's total. */
  const pages = new Map<string, { offset: number; total: number }>();
  /** Nodes and edges a path brought in that the view did not have, removed when the path is cleared. */
  let pathOverlay: GraphDelta | null = null;
  let renderer: Sigma | null = null;
  let reducers: ExplorerReducers | null = null;
  /** The explorer's own sigma settings: reducers and programs (big graphs wrap them; small ones get them back). */
  let ownSettings: Partial<Settings> = {};
  /** Big-graph mode of the current graph (null below the threshold) and its camera hook's detach function. */
  let big: { mode: BigGraphMode; detach: () => void } | null = null;
  let refreshTheme: (() => void) | null = null;
  let resizeObserver: ResizeObserver | null = null;
  let loadSeq = 0;
  /** Whether the server has said its database is prepared (asked before the first load only). */
  let databaseReady = false;
  /** Undone by `destroy()`: store subscriptions and listeners on the page. */
  const cleanups: (() => void)[] = [];

  // -------------------------------------------------------------------------------------------------------------
  // Status, messages, readiness
  // -------------------------------------------------------------------------------------------------------------

  function setReady(value: ReadyState): void {
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

  // -------------------------------------------------------------------------------------------------------------
  // Panels
  // -------------------------------------------------------------------------------------------------------------

  /** Selects a node, moves the camera to it (and opens its panel through the store). */
  function pick(id: string): void {
    store.selectNode(id);
    if (renderer && graph.hasNode(id)) focusNode(renderer, id);
  }

  const timeline = mountTimeline(el.timeline, { store });
  const legend = mountLegend(el.legend, { graph, store });
  const metrics = mountMetrics(el.metrics, { graph, store, pick });
  const toolbar = mountToolbar(el.toolbar, {
    view: () => ({ layoutRunning: layout.running, canUndo: history.canUndo, canRedo: history.canRedo }),
    actions: {
      zoomIn: () => void (renderer && zoomStep(renderer, 1)),
      zoomOut: () => void (renderer && zoomStep(renderer, -1)),
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
  });
  const pathPanel = mountPathPanel(el.path, {
    graph,
    store,
    actions: {
      find: (from, to) => void findPath(from, to).then(() => setReady("true")),
      clear: () => clearPath(),
    },
  });
  const detailsActions: DetailsActions = {
    select: (id) => pick(id),
    close: () => store.selectNode(null),
    expand: (id) => void expand(id),
    collapse: (id) => collapse(id),
    canCollapse: (id) => history.expansions.has(id),
    expansionNote: (id) => {
      const page = pages.get(id);
      return page
        ? `Showing ${Math.min(page.offset, page.total)} of ${page.total} neighbours, by evidence count`
        : null;
    },
    canExpandMore: (id) => {
      const page = pages.get(id);
      return !page || page.offset < page.total;
    },
    pathEnd: (which, id) => {
      store.set({ pathSearch: { ...store.state.pathSearch, [which]: id, result: null, error: false } });
      pathPanel.update();
      const { from, to } = store.state.pathSearch;
      if (from && to) void findPath(from, to);
    },
    curation: (d) => renderCuration(d, { changed: (select) => afterCuration(select) }),
  };
  const details = mountDetails(el.details, { graph, store, actions: detailsActions });
  const openDetails = () => details.update();
  const search = mountSearch(el.search, { graph, onPick: (hit) => pick(hit.id) });
  const addArticle = mountAddArticle(el.addArticle, {
    store,
    graph,
    getRenderer: () => renderer,
    reload: () => loadNetwork(),
  });
  const comparePanel = mountComparePanel(el.compare, { graph, store });
  const asOfPanel = mountAsOfPanel(el.asOf, { store });
  asOfPanel.update();
  setNodesAsOf(store.state.asOf);
  const tableView = mountTableView(el.tableView, { graph, store, toggle: el.tableToggle, canvas: el.graph });
  const map = mountMap(el.map, { store, api, pick: (id) => store.selectNode(id) });
  const panels: Panel[] = [
    timeline,
    legend,
    metrics,
    toolbar,
    pathPanel,
    comparePanel,
    asOfPanel,
    details,
    search,
    addArticle,
    tableView,
    map,
  ];

  // -------------------------------------------------------------------------------------------------------------
  // Derived views: metrics, styles, panels
  // -------------------------------------------------------------------------------------------------------------

  /** Recomputes metrics and looks after the graph's structure changed, and redraws the panels that show them. */
  function refreshDerived(): void {
    syncBigGraphMode();
    // Index nodes just added before bulk attribute updates: sigma repaints hinted updates only for indexed nodes.
    renderer?.refresh();
    styleEdges(graph);
    assignMetrics(graph);
    styleNodes(graph, store.state.sizeBy, store.state.colorBy);
    legend.update();
    metrics.update();
    pathPanel.update();
    comparePanel.update();
    toolbar.update();
    void tableView.update();
    updateStatus();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Loading the network
  // -------------------------------------------------------------------------------------------------------------

  /**
   * Right after `npm start` the server answers before its database is prepared: say what is happening, ask again
   * every two seconds, and go on by itself once it is ready. False when a newer load took over meanwhile.
   */
  async function waitForDatabase(seq: number): Promise<boolean> {
    while (!databaseReady) {
      const health = await api.health().catch(() => null);
      if (seq !== loadSeq) return false;
      if (health?.ready) {
        databaseReady = true;
        break;
      }
      const text = !health
        ? "The Parley server cannot be reached; trying again…"
        : health.db === "down"
          ? "Starting the database…"
          : `Preparing the database: ${health.bootstrap}…`;
      // Shown again only when it changes: the message is an alert, and screen readers repeat every update.
      if (el.status.textContent !== text) showMessage(`${text} The network appears here when it is ready.`, "info");
      el.status.textContent = text;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      if (seq !== loadSeq) return false;
    }
    return true;
  }

  async function loadNetwork(first = false): Promise<void> {
    const seq = ++loadSeq;
    setReady("false");
    layout.stop();
    el.status.textContent = "Loading the network…";
    el.graph.setAttribute("aria-busy", "true");
    if (!(await waitForDatabase(seq))) return;
    showMessage(null);
    el.status.textContent = "Loading the network…";
    let data: SerializedGraph;
    try {
      const { compare, filters: chosenFilters } = store.state;
      data = compare
        ? await api.diff(diffQuery(chosenFilters, compare, store.state.asOf))
        : await api.graph(graphQuery(store.state.view, chosenFilters, store.state.time, store.state.asOf));
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
    zoomOpened.clear();
    collectOptions(graph, options);
    filters.update();
    const { filters: chosen, time } = store.state;
    const filtered =
      chosen.kinds.length + chosen.topics.length + chosen.countries.length + chosen.roles.length > 0 ||
      time.from ||
      time.to ||
      store.state.compare;
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
    // The map of communities (a big database's overview) is laid out before its first frame: it never animates.
    if (graph.getAttribute("level") === "communities")
      settleAtOnce(graph, { width: el.graph.clientWidth || 800, height: el.graph.clientHeight || 600 });
    else if (!stored) await layout.settle(known > graph.order * 0.8 ? 500 : layoutBudget(graph.order));
    if (seq !== loadSeq) return;
    // Refresh first: the fit reads the laid-out positions from sigma's display data.
    renderer!.refresh();
    const camera = renderer!.getCamera();
    // The same nodes as before (a reload after an edit): the reader's camera stays. Anything else is the result
    // of a filter, a view or a time window, and is shown whole.
    const sameNodes = known === graph.order && previous.size === graph.order;
    if (first && store.state.camera) {
      camera.setState(store.state.camera);
      // A shared camera frames the drawing its author saw; laid out afresh, this one may lie elsewhere.
      if (!anyNodeOnScreen(renderer!)) void fitCamera(renderer!, 0);
    } else if (first || known < graph.order * 0.8) void fitCamera(renderer!, 0);
    else if (!sameNodes) void fitCamera(renderer!);
    el.graph.removeAttribute("aria-busy");
    if (first) await restoreFromUrl();
    else if (store.state.selectedNode && !graph.hasNode(store.state.selectedNode))
      updateStatus(" · the selected node is outside this view");
    setReady("true");
  }

  /** After the first load: reopen the selected node or edge, and re-run the path from the URL. */
  async function restoreFromUrl(): Promise<void> {
    const { selectedNode, selectedEdge, pathSearch } = store.state;
    if (selectedNode) void openDetails();
    else if (selectedEdge && graph.hasEdge(selectedEdge)) void openDetails();
    else if (selectedEdge) store.selectEdge(null);
    if (pathSearch.from && pathSearch.to) await findPath(pathSearch.from, pathSearch.to);
  }

  async function loadTimeline(): Promise<void> {
    timeline.setView({ bars: [], undated: 0, state: "loading" });
    try {
      const data = await api.timeline(graphQuery(store.state.view, store.state.filters, { from: null, to: null }));
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

  // -------------------------------------------------------------------------------------------------------------
  // Sigma
  // -------------------------------------------------------------------------------------------------------------

  function startRenderer(): void {
    reducers = createReducers(graph, store, readCanvasTheme);
    ownSettings = {
      nodeReducer: reducers.nodeReducer,
      edgeReducer: reducers.edgeReducer,
      nodeProgramClasses: baseSettings.nodeProgramClasses,
      edgeProgramClasses: baseSettings.edgeProgramClasses,
    };
    // Big graphs start in big-graph mode, so even the first frame is the light one.
    const mode = isBigGraph(graph) ? bigGraphMode(graph, { previous: ownSettings }) : null;
    renderer = createRenderer(graph, el.graph, readCanvasTheme(), mode?.settings ?? ownSettings);
    big = mode ? { mode, detach: mode.attach(renderer) } : null;
    // Fits keep the drawing clear of the toolbar and the legend laid over the canvas.
    setCanvasInsets(renderer, () =>
      insetsOf(
        el.graph.getBoundingClientRect(),
        [el.toolbar, el.legend].map((panel) => (panel.offsetParent ? panel.getBoundingClientRect() : null)),
      ),
    );
    const refreshReducers = reducers.attach(renderer);
    // Labels and hover boxes read the theme too: a theme switched on a drawn graph kept the old halo and text colours.
    refreshTheme = () => {
      if (renderer) setRendererTheme(renderer, readCanvasTheme());
      refreshReducers();
    };
    bindSigmaEvents(
      renderer,
      store,
      (node) => void expand(node),
      (node) => void (graph.getAttribute("level") === "communities" ? zoomInto(node) : openCommunity(node)),
    );
    // Semantic zoom: once the camera rests after a zoom, what is at the centre opens or folds (followZoom).
    let zoomTimer: ReturnType<typeof setTimeout> | null = null;
    let lastRatio = renderer.getCamera().getState().ratio;
    renderer.getCamera().on("updated", (state) => {
      if (state.ratio === lastRatio) return;
      lastRatio = state.ratio;
      if (zoomTimer) clearTimeout(zoomTimer);
      zoomTimer = setTimeout(() => void followZoom(), 300);
    });
    // Sigma only watches window resizes; the stage also changes size when the details panel opens or closes.
    resizeObserver = new ResizeObserver(() => {
      if (!renderer) return;
      // A fitted view stays fitted (opening the details panel narrows the canvas and would cut the graph's edge
      // off); a view the reader moved stays as it is.
      const fitted = isFitted(renderer);
      renderer.resize();
      if (fitted) void fitCamera(renderer, 0);
      renderer.refresh({ skipIndexation: true });
    });
    resizeObserver.observe(el.graph);
    layout.onChange(() => {
      toolbar.update();
      // Noverlap moved nodes after FA2 stopped: redraw.
      renderer?.refresh();
    });
    // For tests and for people measuring a big graph from the console.
    (window as unknown as { parley: unknown }).parley = {
      graph,
      renderer,
      store,
      history,
      layout,
      viewStats: () => viewStats(renderer!, drawnLabelNodes(renderer!).size),
    };
  }

  /**
   * Enters, renews or leaves the big-graph mode after the graph changed: its ranking of important nodes depends on
   * the data, and a reload can cross the threshold either way.
   */
  function syncBigGraphMode(): void {
    if (!renderer || !reducers) return;
    const wasBig = big !== null;
    big?.detach();
    big = null;
    if (isBigGraph(graph)) {
      const mode = bigGraphMode(graph, { previous: ownSettings });
      renderer.setSettings(mode.settings);
      big = { mode, detach: mode.attach(renderer) };
    } else if (wasBig) {
      // Back to the explorer's own values for every setting the big-graph mode changed.
      const restored: Record<string, unknown> = { ...ownSettings };
      for (const key of Object.keys(bigGraphSettings) as (keyof Settings)[])
        restored[key] = baseSettings[key] ?? DEFAULT_SETTINGS[key];
      renderer.setSettings(restored as Partial<Settings>);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Curation
  // -------------------------------------------------------------------------------------------------------------

  /** After an edit, merge, delete or revert: reload the network, then show the node that now stands for the subject. */
  async function afterCuration(select: string | null): Promise<void> {
    // Select first, so the reload does not report a merged-away or deleted node as "outside this view".
    if (select !== store.state.selectedNode) store.selectNode(select);
    else if (select) void openDetails();
    await loadNetwork();
    if (select && renderer && graph.hasNode(select)) focusNode(renderer, select);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expand / collapse with undo and redo
  // -------------------------------------------------------------------------------------------------------------

  /** Applies an undo/redo result: new looks, metrics and panels. */
  function edit(delta: GraphDelta | null): void {
    if (!delta) return;
    refreshDerived();
    renderer?.refresh();
    if (store.state.selectedNode) void openDetails();
  }

  /** Records a merged subgraph as one edit, places anything still unplaced and redraws what derives from the graph. */
  function pushMerge(delta: GraphDelta): void {
    history.push(delta);
    placeNewNodes(graph);
    refreshDerived();
  }

  async function expand(id: string): Promise<void> {
    if (store.state.readOnly) return; // snapshot pages show the stored graph only
    const page = pages.get(id) ?? { offset: 0, total: Infinity };
    if (page.offset >= page.total) {
      updateStatus(" · all neighbours already shown");
      return;
    }
    setReady("false");
    el.status.textContent = "Loading neighbours…";
    try {
      const dto = await api.neighbors(id, PAGE_SIZE, page.offset);
      pages.set(id, { offset: dto.offset + dto.items.length, total: dto.total });
      const center = graph.hasNode(id) ? graph.getNodeAttributes(id) : { x: 0, y: 0 };
      const label = String(graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
      const delta = mergeSubgraph(graph, dto.graph, {
        label: `Expand ${label}`,
        owner: id,
        around: { x: center.x as number, y: center.y as number },
      });
      if (isEmptyDelta(delta)) {
        updateStatus(` · no new neighbours of ${label}`);
      } else {
        pushMerge(delta);
        updateStatus(` · ${label}: ${Math.min(pages.get(id)!.offset, dto.total)} of ${dto.total} neighbours shown`);
        // Adding nodes reframes the graph, which slides the expanded node away from where the reader was looking:
        // show the node with what it brought.
        if (renderer && graph.hasNode(id)) {
          renderer.refresh();
          void fitNodes(renderer, [id, ...delta.addNodes.map((n) => n.key)]);
        }
      }
    } catch (error) {
      showMessage(errorMessage(error, "The neighbours could not be loaded."), "error", {
        label: "Dismiss",
        run: () => showMessage(null),
      });
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

  // -------------------------------------------------------------------------------------------------------------
  // Community meta-nodes of the level-of-detail overview (server/modules/graph/graph.lod.ts)
  // -------------------------------------------------------------------------------------------------------------

  /**
   * Opens a community meta-node in place: fetches the community's own top actors and adds them around it, with the
   * links among what is on screen. The meta-node stays, renewed, for members still folded, and goes when none are.
   * Recorded as one edit, so undo folds the community again.
   */
  async function openCommunity(meta: string, fit?: CommunityFit): Promise<GraphDelta | null> {
    if (store.state.readOnly || !graph.hasNode(meta)) return null;
    const attrs = graph.getNodeAttributes(meta);
    const label = String(attrs.label ?? meta);
    // The server's id of the community the meta-node folds (the louvain one on screen is `metricCommunity`).
    const community = attrs.community != null ? String(attrs.community) : null;
    if (!attrs.expandable || !community) {
      if (!fit) updateStatus(` · ${label} groups several small communities and cannot be opened`);
      return null;
    }
    setReady("false");
    el.status.textContent = `Opening ${label}…`;
    try {
      // A zoom asks for no more members than fit (the server keeps a fifth of its answer for other communities).
      const budget = Number((graph.getAttribute("limits") as { nodes?: number } | undefined)?.nodes ?? 0);
      const limit = fit && budget ? Math.min(budget, Math.ceil(fit.limit / 0.8) + 2) : null;
      const dto = await api.graph(
        new URLSearchParams({ view: "met", community, ...(limit ? { limit: String(limit) } : {}) }).toString(),
      );
      const centre = { x: attrs.x as number, y: attrs.y as number };
      // Zooming in reveals the most central members that fit around the community, which stays for the rest.
      const members = dto.nodes.filter((n) => n.attributes?.category !== "community");
      const fitting = fit
        ? new Set(
            [...members]
              .sort((a, b) => Number(b.attributes.degree ?? 0) - Number(a.attributes.degree ?? 0))
              .slice(0, fit.limit)
              .map((n) => n.key),
          )
        : null;
      // Other meta-nodes in the answer fold the rest of the world differently from the view: keep the view's.
      const delta = mergeSubgraph(graph, dto, {
        label: `Open ${label}`,
        owner: meta,
        ...(fit ? { inside: { ...centre, spacing: fit.spacing, hole: fit.hole } } : { around: centre }),
        accept: (n) => n.attributes?.category !== "community" && (!fitting || fitting.has(n.key)),
        // Opened by the zoom, members bring their ties with one another; the map already shows those abroad.
        ...(fitting ? { acceptEdge: (e) => fitting.has(e.source) && fitting.has(e.target) } : {}),
        // The meta-node now stands for fewer actors: its old links are replaced by the answer's.
        ...(fit ? {} : { replace: meta }),
      });
      const renewed = fit ? members.length > delta.addNodes.length : delta.addNodes.some((n) => n.key === meta);
      const opened = delta.addNodes.filter((n) => n.key !== meta);
      // The pointer still rests on the meta-node: its hover would dim the members that just arrived.
      store.hover(null);
      pushMerge(delta);
      updateStatus(
        ` · ${label}: ${opened.length} actor${opened.length === 1 ? "" : "s"} opened${renewed ? `, the rest still folded${fit ? " (zoom in for more)" : ""}` : ""}`,
      );
      renderer?.refresh();
      // A click shows what it opened; a zoom keeps the reader's camera.
      if (renderer && !fit) void fitNodes(renderer, [meta, ...opened.map((n) => n.key)]);
      setReady("true");
      return delta;
    } catch (error) {
      showMessage(errorMessage(error, "This community could not be opened."), "error", {
        label: "Dismiss",
        run: () => showMessage(null),
      });
      updateStatus();
    }
    setReady("true");
    return null;
  }

  /**
   * On the map of communities, an actor selected by search, a link or the URL is usually folded in its community:
   * that community opens (as a click opens it) and the camera goes to the actor.
   */
  async function revealFolded(id: string): Promise<void> {
    if (graph.hasNode(id) || graph.getAttribute("level") !== "communities") return;
    try {
      const node = await api.node(id);
      // The server files an actor under the first of its countries by id (queries/graph/lod-actors.cypher).
      const meta = [node.id, ...node.countries.map((c) => c.id)]
        .map((c) => `community:${c}`)
        .filter((key) => graph.hasNode(key))
        .sort()[0];
      if (!meta || store.state.selectedNode !== id) return;
      await openCommunity(meta);
      if (renderer && graph.hasNode(id)) focusNode(renderer, id);
      else updateStatus(` · ${node.label} is folded in ${String(graph.getNodeAttribute(meta, "label"))}`);
    } catch {
      // The details panel says what went wrong with this node.
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Semantic zoom over the map of communities
  // -------------------------------------------------------------------------------------------------------------

  /** Communities opened by zooming in, with the camera ratio they were opened at (folded again on zooming out). */
  const zoomOpened = new Map<string, { delta: GraphDelta; ratio: number }>();
  let following = false;

  /** Folds a community opened by the zoom: its members leave, as one edit. */
  function foldCommunity(meta: string): void {
    const opened = zoomOpened.get(meta);
    zoomOpened.delete(meta);
    if (!opened) return;
    const fold = { ...invertDelta(opened.delta), label: `Fold ${String(graph.getNodeAttribute(meta, "label"))}` };
    try {
      history.push(fold);
      edit(fold);
    } catch {
      // Edited since it opened (a member removed or merged): the members stay.
    }
  }

  /**
   * After each zoom on the map of communities: the community at the centre of the view opens with as many of its
   * most central members as fit around it at this zoom (more as you zoom in), and what was opened folds again when
   * the reader zooms back out.
   */
  /**
   * A click on the map of communities zooms into the community (to where zooming opens it) and opens it there, so
   * a click and the wheel give the same picture.
   */
  async function zoomInto(meta: string): Promise<void> {
    if (!renderer || !graph.hasNode(meta)) return;
    if (graph.getNodeAttribute(meta, "expandable") !== true) {
      updateStatus(
        ` · ${String(graph.getNodeAttribute(meta, "label"))} groups several small communities and cannot be opened`,
      );
      return;
    }
    const display = renderer.getNodeDisplayData(meta);
    if (!display) return;
    const ratio = Math.min(renderer.getCamera().getState().ratio, ZOOM_OPENS_AT / 2);
    await moveCamera(renderer, { x: display.x, y: display.y, ratio, angle: 0 }, 250);
    await followZoom(meta);
  }

  async function followZoom(target?: string): Promise<void> {
    if (!renderer || following || graph.getAttribute("level") !== "communities" || store.state.readOnly) return;
    following = true;
    try {
      const ratio = renderer.getCamera().getState().ratio;
      for (const [meta, opened] of [...zoomOpened].reverse()) if (ratio > opened.ratio * 2) foldCommunity(meta);
      if (ratio > ZOOM_OPENS_AT) return;
      const { width, height } = renderer.getDimensions();
      const centre = renderer.viewportToGraph({ x: width / 2, y: height / 2 });
      const unit = renderer.graphToViewport({ x: 1, y: 0 }).x - renderer.graphToViewport({ x: 0, y: 0 }).x;
      if (!(unit > 0)) return;
      // The community nearest the centre of the view, and how far the next node is (its room to open into).
      const communities = graph.filterNodes((_n, a) => a.category === "community" && a.expandable === true);
      const distance = (n: string) =>
        Math.hypot(
          Number(graph.getNodeAttribute(n, "x")) - centre.x,
          Number(graph.getNodeAttribute(n, "y")) - centre.y,
        );
      const screenRadius = (size: number) => size / Math.sqrt(ratio);
      const spacing = (2 * screenRadius(9) + 6) / unit;
      const c = spacing / 1.8;
      /** How many members fit around `meta` before they reach the next community, and the hole left for it. */
      const fitOf = (meta: string) => {
        const at = graph.getNodeAttributes(meta);
        const hole = screenRadius(Number(at.size ?? 10)) / unit;
        // Members may reach past the canvas (the reader pans); the next community bounds them.
        let room = Infinity;
        graph.forEachNode((n, a) => {
          if (n === meta || a.category !== "community") return;
          const d = Math.hypot(Number(a.x) - Number(at.x), Number(a.y) - Number(at.y));
          room = Math.min(room, d - screenRadius(Number(a.size ?? 10)) / unit - spacing / 2);
        });
        const fitting = Math.floor((room / c) ** 2) - Math.ceil(((hole + spacing / 2) / c) ** 2);
        return { limit: Math.min(ZOOM_MEMBERS_MAX, fitting), spacing, hole };
      };
      // The community whose disc comes nearest the centre of the view and has room to open (a small one beside it
      // may not); zoomed into the space between communities, the nearest one opens and the view moves to it.
      const gap = (n: string) => distance(n) * unit - screenRadius(Number(graph.getNodeAttribute(n, "size") ?? 10));
      const near = target ? [target] : communities.sort((a, b) => gap(a) - gap(b));
      let meta: string | undefined;
      let fit: CommunityFit | undefined;
      for (const candidate of near) {
        const candidateFit = fitOf(candidate);
        const members = Number(graph.getNodeAttribute(candidate, "members") ?? 0);
        if (candidateFit.limit >= Math.min(3, members) && candidateFit.limit > 0) {
          [meta, fit] = [candidate, candidateFit];
          break;
        }
      }
      if (!meta || !fit) return;
      const opened = zoomOpened.get(meta);
      if (opened && ratio > opened.ratio / 2) return;
      if (opened) foldCommunity(meta);
      const delta = await openCommunity(meta, fit);
      if (!delta) return;
      zoomOpened.set(meta, { delta, ratio });
      // The sunflower spaced members for a typical size; the biggest are pushed apart as drawn at this zoom.
      separate(
        graph,
        4 / unit,
        [meta, ...delta.addNodes.map((n) => n.key)].filter((n) => graph.hasNode(n)),
        1 / Math.sqrt(ratio) / unit,
      );
      renderer.refresh();
      // The view centres on what opened (at this zoom, already closer than focusNode's), so the next wheel steps at
      // the centre go into it.
      focusNode(renderer, meta, 300);
    } finally {
      following = false;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Paths
  // -------------------------------------------------------------------------------------------------------------

  function clearPath(): void {
    if (pathOverlay) {
      applyDelta(graph, invertDelta(pathOverlay));
      pathOverlay = null;
      refreshDerived();
    }
    store.set({ pathSearch: emptyPathSearch(), path: null });
    pathPanel.update();
  }

  async function findPath(from: string, to: string): Promise<void> {
    if (pathOverlay) {
      applyDelta(graph, invertDelta(pathOverlay));
      pathOverlay = null;
    }
    store.set({ pathSearch: { from, to, result: "Searching…", error: false } });
    pathPanel.update();
    let paths: string[][];
    try {
      const dto = await api.path(from, to);
      paths = dto.paths;
      // Paths run through events, which the "met with" view does not draw: bring in what is missing, for now.
      const delta = mergeSubgraph(graph, dto.graph, { label: "Path", owner: from });
      if (!isEmptyDelta(delta)) {
        pathOverlay = delta;
        applyDelta(graph, pathOverlay);
        placeNewNodes(graph);
        // Keep the overlay's positions so clearing and undo stay exact.
        pathOverlay.addNodes = pathOverlay.addNodes.map((n) => nodeRecord(graph, n.key));
        pathOverlay.addEdges = pathOverlay.addEdges.map((e) => edgeRecord(graph, e.key));
      }
    } catch (error) {
      store.set({
        pathSearch: { from, to, result: errorMessage(error, "The path could not be computed."), error: true },
      });
      refreshDerived();
      return;
    }
    refreshDerived();
    if (!paths.length) {
      store.set({
        pathSearch: { from, to, result: "These two are not connected in this network.", error: false },
        path: null,
      });
    } else {
      const { nodes, edges } = pathElements(graph, paths);
      const steps = paths[0]!.length - 1;
      const route = paths[0]!.map((n) => (graph.hasNode(n) ? graph.getNodeAttribute(n, "label") : n)).join(" → ");
      store.set({
        pathSearch: {
          from,
          to,
          result: `${paths.length} shortest path${paths.length === 1 ? "" : "s"}, ${steps} step${steps === 1 ? "" : "s"}: ${route}`,
          error: false,
        },
        path: { from, to, nodes, edges },
      });
    }
    pathPanel.update();
    renderer?.refresh();
    // A path often runs far from where the reader is looking: bring it on screen.
    const found = store.state.path;
    if (renderer && found) void fitNodes(renderer, found.nodes);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Theme
  // -------------------------------------------------------------------------------------------------------------

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

  // -------------------------------------------------------------------------------------------------------------
  // Bindings
  // -------------------------------------------------------------------------------------------------------------

  cleanups.push(
    bindGraphKeyboard(el.graph, {
      graph,
      store,
      renderer: () => renderer,
      announcer: el.announcer,
      fit: () => void (renderer && fitCamera(renderer)),
      focusDetails: () => el.details.focus(),
    }),
  );

  const filters = mountFilters(el.filters, { store, options });
  const display = mountDisplay(el.display, { store });
  panels.push(filters, display);

  cleanups.push(
    store.subscribe((state, previous) => {
      if (
        (state.view !== previous.view ||
          state.filters !== previous.filters ||
          state.time !== previous.time ||
          state.compare !== previous.compare ||
          state.asOf !== previous.asOf) &&
        !state.readOnly
      ) {
        pathOverlay = null;
        store.set({ pathSearch: emptyPathSearch() });
        syncViewButtons();
        filters.update();
        void loadNetwork();
        if (state.view !== previous.view || state.filters !== previous.filters) void loadTimeline();
      }
      if (state.asOf !== previous.asOf) setNodesAsOf(state.asOf);
      if (
        state.selectedNode !== previous.selectedNode ||
        state.selectedEdge !== previous.selectedEdge ||
        state.asOf !== previous.asOf
      )
        void openDetails();
      if (state.selectedNode && state.selectedNode !== previous.selectedNode) void revealFolded(state.selectedNode);
      if (state.sizeBy !== previous.sizeBy || state.colorBy !== previous.colorBy) {
        styleNodes(graph, state.sizeBy, state.colorBy);
        legend.update();
        metrics.update();
        renderer?.refresh({ skipIndexation: false });
      }
      if (state.theme !== previous.theme) applyTheme(state.theme);
      if (state.map !== previous.map) syncViewButtons();
    }),
  );

  const viewButtons = [...element.querySelectorAll<HTMLButtonElement>("[data-view]")];
  function syncViewButtons(): void {
    const shown = store.state.map ? "map" : store.state.view;
    for (const b of viewButtons) b.setAttribute("aria-pressed", String(b.dataset.view === shown));
  }
  // Listeners on the page's own markup go with the explorer.
  const listeners = new AbortController();
  const { signal } = listeners;
  for (const b of viewButtons)
    b.addEventListener(
      "click",
      () =>
        b.dataset.view === "map" ? store.setMap(true) : store.setView(b.dataset.view === "events" ? "events" : "met"),
      { signal },
    );
  el.themeToggle.addEventListener("click", toggleTheme, { signal });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => refreshTheme?.(), { signal });
  document.addEventListener(
    "keydown",
    (e) => {
      const typing =
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement;
      if (e.key === "Escape" && !typing && (store.state.selectedNode || store.state.selectedEdge))
        store.selectNode(null);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing) {
        e.preventDefault();
        edit(e.shiftKey ? history.redo() : history.undo());
      }
    },
    { signal },
  );
  cleanups.push(() => listeners.abort());

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
  const extensions = mountExtensions(host);
  cleanups.push(() => extensions.destroy());
  if (!extensions.otherPage) cleanups.push(bindUrlSync(store));
  display.update();
  filters.update();
  pathPanel.update();
  syncViewButtons();
  applyTheme(store.state.theme);
  if (!extensions.otherPage) {
    void loadNetwork(true);
    void loadTimeline();
  }

  return {
    destroy: () => {
      loadSeq++;
      for (const cleanup of cleanups.splice(0)) cleanup();
      for (const panel of panels.splice(0)) panel.destroy();
      layout.kill();
      resizeObserver?.disconnect();
      big?.detach();
      renderer?.kill();
      renderer = null;
      delete (window as unknown as { parley?: unknown }).parley;
    },
  };
}
