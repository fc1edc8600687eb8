/**
 * Map tab
 * =======
 *
 * Where diplomacy happens: the events of the network's filters and time window (and its replay) as dots at their
 * places, sized by count, and visits as arcs from the visitor's country (`GET /api/places`). Selecting a node
 * highlights the places of its events; clicking a place selects it, so the details panel lists its events with
 * their evidence. Drag pans, the wheel zooms. The world outline is bundled with the explorer: no tile server.
 */
import type { PlacesDto } from "../../../../contracts/places";
import { ApiError } from "../../api/client";
import type { ApiClient } from "../../api/endpoints";
import { type ExplorerState, type Store, withFilters } from "../../graph/store";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import {
  type DrawnDot,
  type MapColors,
  type MapTransform,
  type WorldShapes,
  dotAt,
  drawMap,
  fitProjection,
} from "./map-draw";
import "./map.css";

export interface MapDeps {
  store: Store;
  api: Pick<ApiClient, "places">;
  /** Selects a place (the details panel then lists its events). */
  pick: (id: string) => void;
}

/** The query string of `/api/places`: the network's filters, its window cut at the replay's month, and an entity. */
export function placesQuery(state: ExplorerState, actor: string | null = null): string {
  const params = withFilters(new URLSearchParams(), state.filters);
  if (state.time.from) params.set("from", state.time.from);
  const to = state.playhead && (!state.time.to || state.playhead < state.time.to) ? state.playhead : state.time.to;
  if (to) params.set("to", to);
  if (actor) params.set("actor", actor);
  return params.toString();
}

/** A database too busy to answer (503) is asked again this many times, this long apart. */
const RETRIES = 3;
const RETRY_MS = 2_000;

/** `api.places` asked again while the database answers "busy" (as the explorer waits for it before its first load). */
async function placesWithRetry(api: MapDeps["api"], query: string, signal: AbortSignal): Promise<PlacesDto> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.places(query, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 503) || attempt >= RETRIES || signal.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

let worldShapes: Promise<WorldShapes> | null = null;

/** Loads the world outline once, on the first opening of the tab (the explorer's own asset: works offline). */
function loadWorld(): Promise<WorldShapes> {
  return (worldShapes ??= (async () => {
    const [{ feature, mesh }, { default: url }] = await Promise.all([
      import("topojson-client"),
      import("world-atlas/countries-50m.json?url"),
    ]);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the world outline could not be loaded (HTTP ${response.status})`);
    const topology = await response.json();
    return {
      land: feature(topology, topology.objects.land),
      borders: mesh(topology, topology.objects.countries, (a: unknown, b: unknown) => a !== b),
    };
  })());
}

function readColors(el: HTMLElement): MapColors {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    space: v("--bg"),
    sea: v("--map-sea"),
    land: v("--map-land"),
    border: v("--map-border"),
    graticule: v("--map-graticule"),
    dot: v("--map-dot"),
    country: v("--map-country"),
    highlight: v("--map-highlight"),
    arc: v("--map-arc"),
    label: v("--map-label"),
    halo: v("--map-halo"),
  };
}

/** Mounts the Map tab in `container` (hidden until the store's `map` is set). */
export function mountMap(container: HTMLElement, deps: MapDeps): Panel {
  const { store, api, pick } = deps;
  const canvas = h("canvas", { class: "map-canvas", "data-testid": "map-canvas" });
  const caption = h("div", { class: "map-caption", "data-testid": "map-caption" });
  container.replaceChildren(canvas, caption);
  const ctx = canvas.getContext("2d")!;

  let data: PlacesDto = { places: [], arcs: [], unplaced: 0 };
  let highlighted: Set<string> | null = null;
  let world: WorldShapes | null = null;
  let transform: MapTransform = { k: 1, x: 0, y: 0 };
  let projection = fitProjection([], 1, 1);
  let dots: DrawnDot[] = [];
  let size = { width: 0, height: 0 };
  let controller: AbortController | null = null;
  let frame = 0;

  function draw(): void {
    frame = 0;
    if (container.hidden || size.width === 0) return;
    dots = drawMap({
      ctx,
      width: size.width,
      height: size.height,
      pixelRatio: devicePixelRatio || 1,
      projection,
      transform,
      world,
      data,
      highlighted,
      colors: readColors(container),
    });
    // For tests and tools: what is drawn where, in CSS pixels of the canvas.
    container.dataset.dots = JSON.stringify(dots.map((d) => ({ ...d, x: Math.round(d.x), y: Math.round(d.y) })));
  }
  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function resize(): boolean {
    const { width, height } = container.getBoundingClientRect();
    if (width === size.width && height === size.height) return false;
    size = { width, height };
    const ratio = devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    return true;
  }

  function refit(): void {
    projection = fitProjection(
      data.places.filter((p) => p.events > 0),
      size.width,
      size.height,
    );
    transform = { k: 1, x: 0, y: 0 };
  }

  function describe(): void {
    const events = data.places.reduce((sum, p) => sum + p.events, 0);
    const located = data.places.filter((p) => p.events > 0).length;
    caption.replaceChildren(
      h("span", { class: "map-key map-key-dot" }),
      h("span", { text: `${events} event${events === 1 ? "" : "s"} at ${located} place${located === 1 ? "" : "s"}` }),
      h("span", { class: "map-key map-key-arc" }),
      h("span", { text: "visit, from the visitor's country" }),
      ...(data.unplaced ? [h("span", { class: "muted", text: `· ${data.unplaced} without a place` })] : []),
      ...(highlighted?.size
        ? [h("span", { class: "map-key map-key-lit" }), h("span", { text: "the selection's places" })]
        : []),
    );
  }

  /** Fetches the places (and the selection's places) for the store's state, then draws. */
  async function load(fit: boolean): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const state = store.state;
    container.dataset.ready = "false";
    try {
      const [all, selected, shapes] = await Promise.all([
        placesWithRetry(api, placesQuery(state), signal),
        state.selectedNode
          ? placesWithRetry(api, placesQuery(state, state.selectedNode), signal)
          : Promise.resolve(null),
        loadWorld().catch(() => null),
      ]);
      if (signal.aborted) return;
      data = all;
      world = shapes;
      highlighted = selected ? new Set(selected.places.filter((p) => p.events > 0).map((p) => p.id)) : null;
      resize();
      if (fit) refit();
      describe();
      draw();
      container.dataset.highlighted = String(highlighted?.size ?? 0);
      container.dataset.ready = "true";
    } catch (error) {
      if (signal.aborted) return;
      caption.replaceChildren(
        h("span", { class: "error", text: `The map could not be loaded: ${(error as Error).message}` }),
      );
      container.dataset.ready = "error";
    }
  }

  // Pan by dragging, zoom with the wheel around the pointer; a click without a drag picks a place.
  let drag: { x: number; y: number; moved: boolean } | null = null;
  const local = (e: MouseEvent) => {
    const rect = canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const listeners = new AbortController();
  const { signal } = listeners;
  canvas.addEventListener(
    "pointerdown",
    (e) => {
      drag = { ...local(e), moved: false };
      canvas.setPointerCapture(e.pointerId);
    },
    { signal },
  );
  canvas.addEventListener(
    "pointermove",
    (e) => {
      const p = local(e);
      if (drag) {
        const [dx, dy] = [p.x - drag.x, p.y - drag.y];
        if (drag.moved || Math.hypot(dx, dy) > 3) {
          drag = { ...p, moved: true };
          transform = { ...transform, x: transform.x + dx, y: transform.y + dy };
          redraw();
        }
        return;
      }
      canvas.style.cursor = dotAt(dots, p.x, p.y) ? "pointer" : "grab";
    },
    { signal },
  );
  canvas.addEventListener(
    "pointerup",
    (e) => {
      const wasDrag = drag?.moved;
      drag = null;
      if (wasDrag) return;
      const p = local(e);
      const dot = dotAt(dots, p.x, p.y);
      if (dot) pick(dot.id);
    },
    { signal },
  );
  canvas.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const p = local(e);
      const factor = Math.exp(-e.deltaY * 0.0015);
      const k = Math.min(40, Math.max(0.5, transform.k * factor));
      const f = k / transform.k;
      transform = { k, x: p.x - (p.x - transform.x) * f, y: p.y - (p.y - transform.y) * f };
      redraw();
    },
    { signal, passive: false },
  );
  const observer = new ResizeObserver(() => {
    if (!container.hidden && resize()) {
      refit();
      redraw();
    }
  });
  observer.observe(container);

  const show = (open: boolean) => {
    container.hidden = !open;
    document.body.dataset.map = String(open);
  };
  show(store.state.map);
  if (store.state.map) void load(true);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.map !== previous.map) {
      show(state.map);
      if (state.map) void load(true);
      return;
    }
    if (!state.map) return;
    if (state.filters !== previous.filters || state.time !== previous.time) void load(true);
    else if (state.playhead !== previous.playhead || state.selectedNode !== previous.selectedNode) void load(false);
    else if (state.theme !== previous.theme) redraw();
  });

  return {
    update: () => (store.state.map ? load(true) : undefined),
    destroy: () => {
      unsubscribe();
      listeners.abort();
      observer.disconnect();
      controller?.abort();
      if (frame) cancelAnimationFrame(frame);
      container.replaceChildren();
    },
  };
}
