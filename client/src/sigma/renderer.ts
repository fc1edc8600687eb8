/**
 * Renderer
 * ========
 *
 * Creates the sigma instance: node programs that give each node type its shape, curved edges for parallel links,
 * label settings that keep labels readable (no two drawn over each other), a hover box drawn in the page's theme
 * colours, and camera moves that keep the outermost labels inside the canvas.
 */
import type Graph from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { CameraState } from "sigma/types";
import EdgeCurveProgram from "@sigma/edge-curve";
import { createNodeBorderProgram } from "@sigma/node-border";
import { culledPrograms } from "./big-graph-settings";
import type { CanvasTheme } from "./theme";

let theme: CanvasTheme | null = null;

/** Labels ellipsised so a very long name never runs across the canvas. */
const MAX_LABEL = 42;
function clip(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/**
 * Label boxes drawn in the current frame, per label canvas (the explorer's, and an image export's own renderer:
 * sharing one list made every exported label "cover" the one on screen at the same place). Sigma's label grid
 * keeps one label per cell, but labels are wider than cells, so neighbours in adjacent cells still pile up; a label
 * that would cover one already drawn is skipped (the highlighted nodes' labels, the selection's and a path's ends,
 * are always drawn; hovering shows any other). Cleared before each render.
 */
interface DrawnLabels {
  boxes: { x1: number; y1: number; x2: number; y2: number }[];
  nodes: Set<string>;
}
const drawnLabels = new WeakMap<CanvasRenderingContext2D, DrawnLabels>();
const drawnOn = (context: CanvasRenderingContext2D): DrawnLabels => {
  let drawn = drawnLabels.get(context);
  if (!drawn) drawnLabels.set(context, (drawn = { boxes: [], nodes: new Set() }));
  return drawn;
};
/** Gap kept between two labels, in pixels. */
const LABEL_GAP = 4;

const drawLabel: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  const text = clip(data.label);
  // A community of the overview's map names its most central members on a second, smaller line.
  const top = (data as { top?: unknown }).top;
  const second = Array.isArray(top) && top.length ? clip(top.join(", ")) : null;
  const smaller = Math.round(size * 0.85);
  const fonts = {
    first: `${settings.labelWeight} ${size}px ${settings.labelFont}`,
    second: `normal ${smaller}px ${settings.labelFont}`,
  };
  const x = data.x + data.size + 3;
  const y = data.y + size / 3 - (second ? smaller / 2 + 1 : 0);
  context.font = fonts.first;
  let width = context.measureText(text).width;
  if (second) {
    context.font = fonts.second;
    width = Math.max(width, context.measureText(second).width);
  }
  const box = {
    x1: x - LABEL_GAP,
    y1: y - size + size / 6 - LABEL_GAP,
    x2: x + width + LABEL_GAP,
    y2: y + (second ? smaller + 2 : 0) + size / 6 + LABEL_GAP,
  };
  const drawn = drawnOn(context);
  // An image export's labels were chosen on screen already (`labelAsSeen`, features/export): all are drawn.
  const chosen = data.highlighted || (data as { labelAsSeen?: boolean }).labelAsSeen;
  if (!chosen && drawn.boxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) return;
  drawn.boxes.push(box);
  drawn.nodes.add(data.key);
  // A halo in the background colour keeps labels legible over edges.
  const write = (line: string, font: string, at: number, color: string) => {
    context.font = font;
    context.lineWidth = 3;
    context.strokeStyle = theme?.background ?? "#ffffff";
    context.lineJoin = "round";
    context.strokeText(line, x, at);
    context.fillStyle = color;
    context.fillText(line, x, at);
  };
  const foreground = theme?.foreground ?? "#1d2430";
  write(text, fonts.first, y, foreground);
  if (second) write(second, fonts.second, y + smaller + 2, theme?.muted ?? foreground);
};

/** The label canvas's 2D context of a renderer. */
function labelContext(renderer: Sigma): CanvasRenderingContext2D | null {
  return renderer.getCanvases().labels?.getContext("2d") ?? null;
}

/** The nodes whose labels the renderer's last frame drew (image exports draw these; `viewStats()` counts them). */
export function drawnLabelNodes(renderer: Sigma): Set<string> {
  const context = labelContext(renderer);
  return new Set(context ? drawnOn(context).nodes : []);
}

const drawHover: NodeHoverDrawingFunction = (context, data, settings) => {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const label = data.label ? clip(data.label) : "";
  context.fillStyle = theme?.panel ?? "#ffffff";
  context.shadowBlur = 8;
  context.shadowColor = "rgba(0,0,0,0.35)";
  const pad = 3;
  if (label) {
    const width = context.measureText(label).width;
    const boxW = Math.round(width + 8);
    const boxH = Math.round(size + 2 * pad);
    const radius = Math.max(data.size, size / 2) + pad;
    context.beginPath();
    context.moveTo(data.x, data.y - boxH / 2);
    context.lineTo(data.x + radius + boxW, data.y - boxH / 2);
    context.lineTo(data.x + radius + boxW, data.y + boxH / 2);
    context.lineTo(data.x, data.y + boxH / 2);
    context.arc(data.x, data.y, radius, Math.PI / 2, (3 * Math.PI) / 2);
    context.closePath();
    context.fill();
  } else {
    context.beginPath();
    context.arc(data.x, data.y, data.size + pad, 0, Math.PI * 2);
    context.fill();
  }
  context.shadowBlur = 0;
  if (label) {
    context.fillStyle = theme?.foreground ?? "#1d2430";
    context.fillText(label, data.x + data.size + 3, data.y + size / 3);
  }
};

const shared = { drawLabel, drawHover };

/** Governments and countries: a disc inside a ring of the same colour, separated by a background-coloured gap. */
const InstitutionProgram = createNodeBorderProgram({
  ...shared,
  borders: [
    { size: { value: 0.2 }, color: { attribute: "color" } },
    { size: { value: 0.14 }, color: { attribute: "ringColor", defaultValue: "#ffffff" } },
    { size: { fill: true }, color: { attribute: "color" } },
  ],
});
/** Agreements: a thick hollow ring, like a seal. */
const DocumentProgram = createNodeBorderProgram({
  ...shared,
  borders: [
    { size: { value: 0.42 }, color: { attribute: "color" } },
    { size: { fill: true }, color: { attribute: "ringColor", defaultValue: "#ffffff" } },
  ],
});
/** Events: a disc with a dark rim. */
const OccurrenceProgram = createNodeBorderProgram({
  ...shared,
  borders: [
    { size: { value: 0.22 }, color: { attribute: "rimColor", defaultValue: "#6b5900" } },
    { size: { fill: true }, color: { attribute: "color" } },
  ],
});

/** The explorer's own sigma settings (big graphs override some; `setSettings` them back when a graph gets small). */
export const baseSettings: Partial<Settings> = {
  // `culled` stays registered in every mode, so switching the big-graph mode never re-creates the other programs.
  nodeProgramClasses: {
    disc: NodeCircleProgram,
    circle: NodeCircleProgram,
    institution: InstitutionProgram,
    document: DocumentProgram,
    occurrence: OccurrenceProgram,
    ...culledPrograms.nodeProgramClasses,
  },
  edgeProgramClasses: {
    line: EdgeRectangleProgram,
    thin: EdgeLineProgram,
    curved: EdgeCurveProgram,
    ...culledPrograms.edgeProgramClasses,
  },
  defaultNodeType: "disc",
  defaultEdgeType: "line",
  defaultDrawNodeLabel: drawLabel,
  defaultDrawNodeHover: drawHover,
  renderEdgeLabels: false,
  labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  labelSize: 13,
  labelWeight: "500",
  labelRenderedSizeThreshold: 7,
  // Fewer, better-spaced labels: the grid keeps at most `labelDensity` labels per cell, biggest nodes first.
  labelDensity: 0.4,
  labelGridCellSize: 160,
  zIndex: true,
  minCameraRatio: 0.05,
  maxCameraRatio: 8,
  enableEdgeEvents: true,
};

/** True when the reader asked the system for less motion (`prefers-reduced-motion: reduce`). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** A camera move's duration: none for readers who asked for reduced motion, who get the end state at once. */
export function cameraDuration(duration: number): number {
  return prefersReducedMotion() ? 0 : duration;
}

/**
 * Sigma's own animations (wheel zoom, double-click zoom, inertia after a drag), switched off for reduced motion:
 * no glide after a drag, and zooms of one millisecond (sigma divides by the duration, so it cannot be zero).
 */
const reducedMotionSettings: Partial<Settings> = { inertiaRatio: 0, zoomDuration: 1, doubleClickZoomingDuration: 1 };

/** Creates sigma on `container`; `initialTheme` is used by labels until `setRendererTheme` changes it. */
export function createRenderer(
  graph: Graph,
  container: HTMLElement,
  initialTheme: CanvasTheme,
  settings: Partial<Settings> = {},
): Sigma {
  theme = initialTheme;
  const renderer = new Sigma(graph, container, {
    ...baseSettings,
    ...(prefersReducedMotion() ? reducedMotionSettings : {}),
    ...settings,
    // Extra program classes (the big-graph mode's) add to the explorer's shapes rather than replace them.
    nodeProgramClasses: { ...baseSettings.nodeProgramClasses, ...settings.nodeProgramClasses },
    edgeProgramClasses: { ...baseSettings.edgeProgramClasses, ...settings.edgeProgramClasses },
  });
  renderer.on("beforeRender", () => {
    const context = labelContext(renderer);
    if (context) drawnLabels.delete(context);
  });
  return renderer;
}

/** Switches the canvas colours (theme toggle) and redraws. */
export function setRendererTheme(renderer: Sigma, next: CanvasTheme): void {
  theme = next;
  renderer.refresh({ skipIndexation: true });
}

/** Moves the camera onto a node, zooming in a little. */
export function focusNode(renderer: Sigma, node: string, duration = 500): void {
  const data = renderer.getNodeDisplayData(node);
  if (!data) return;
  void moveCamera(
    renderer,
    { x: data.x, y: data.y, ratio: Math.min(renderer.getCamera().ratio, 0.6), angle: 0 },
    duration,
  );
}

/** Room kept between a node the keyboard walks to and the canvas edge, in pixels. */
const SHOW_MARGIN = 40;

/** Pans (without zooming) so a node is on screen, when it is not: the keyboard walk follows the reader. */
export function showNode(renderer: Sigma, node: string, duration = 300): void {
  const data = renderer.getNodeDisplayData(node);
  if (!data) return;
  const { width, height } = renderer.getDimensions();
  const p = renderer.framedGraphToViewport(data);
  const inside = p.x >= SHOW_MARGIN && p.y >= SHOW_MARGIN && p.x <= width - SHOW_MARGIN && p.y <= height - SHOW_MARGIN;
  if (inside) return;
  const camera = renderer.getCamera().getState();
  void moveCamera(renderer, { ...camera, x: data.x, y: data.y }, duration);
}

/** Zooms in (1) or out (-1) by sigma's own step, around the centre. */
export function zoomStep(renderer: Sigma, direction: 1 | -1): void {
  const camera = renderer.getCamera();
  const { zoomingRatio } = renderer.getSettings();
  const ratio = camera.getBoundedRatio(direction > 0 ? camera.ratio / zoomingRatio : camera.ratio * zoomingRatio);
  void moveCamera(renderer, { ...camera.getState(), ratio }, 250);
}

/** Room kept between the outermost node or label and the canvas edge, in pixels. */
const FIT_MARGIN = 16;
/** The camera never zooms out further than this to fit labels. */
const FIT_MAX_RATIO = 4;

interface Extent {
  /** Position relative to the canvas centre at sigma's own fit (ratio 1), in pixels. */
  at: number;
  /** Pixels the node and its label reach before (`lo`) and after (`hi`) that position. */
  lo: number;
  hi: number;
}

/**
 * Camera shift (pixels at ratio 1) that keeps every extent inside `half` of the canvas at `ratio`, or null. Labels
 * keep their pixel size while positions shrink with the zoom, so the constraint is `(at - shift) / ratio ± reach`.
 */
function shiftAt(extents: Extent[], half: number, ratio: number): number | null {
  let min = -Infinity;
  let max = Infinity;
  for (const e of extents) {
    min = Math.max(min, e.at - ratio * (half - e.hi));
    max = Math.min(max, e.at - ratio * (e.lo - half));
  }
  return min <= max ? (min + max) / 2 : null;
}

/** Pixels along each edge of the canvas that panels drawn over it cover (the toolbar, the legend). */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const NO_INSETS: Insets = { left: 0, right: 0, top: 0, bottom: 0 };
const coveredBy = new WeakMap<Sigma, () => Insets>();

/** Tells the camera fits of `renderer` what covers its canvas's edges, read at each fit (panels fold and unfold). */
export function setCanvasInsets(renderer: Sigma, read: () => Insets): void {
  coveredBy.set(renderer, read);
}

/**
 * Insets from panels laid over a canvas: one along the left edge and taller than wide (a toolbar) covers the left,
 * one along the bottom edge and wider than tall (a legend) covers the bottom.
 */
export function insetsOf(canvas: DOMRect, panels: (DOMRect | null)[]): Insets {
  const insets = { ...NO_INSETS };
  for (const r of panels) {
    if (!r || r.width === 0 || r.height === 0) continue;
    if (r.left - canvas.left < 24 && r.height >= r.width) insets.left = Math.max(insets.left, r.right - canvas.left);
    else if (canvas.bottom - r.bottom < 24 && r.width > r.height)
      insets.bottom = Math.max(insets.bottom, canvas.bottom - r.top);
  }
  return insets;
}

/**
 * The camera that shows every drawn node and label inside the canvas: sigma's own reset fits node centres only,
 * so labels of nodes on the right edge were cut off. Found by bisection on the ratio, since labels do not scale.
 */
export function fittedCameraState(
  renderer: Sigma,
  options: {
    /** Fit these nodes only (what an action changed); every drawn node when absent. */
    nodes?: Iterable<string>;
    /** Closest zoom allowed (ratio below 1 zooms in); the whole graph is never zoomed in on. */
    minRatio?: number;
  } = {},
): CameraState {
  const reference: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const { width, height } = renderer.getDimensions();
  const settings = renderer.getSettings();
  const context = document.createElement("canvas").getContext("2d");
  if (context) context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  const xs: Extent[] = [];
  const ys: Extent[] = [];
  const graph = renderer.getGraph();
  const nodes = options.nodes ? [...options.nodes].filter((n) => graph.hasNode(n)) : graph.nodes();
  for (const node of nodes) {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) continue;
    const p = renderer.framedGraphToViewport(data, { cameraState: reference });
    const radius = renderer.scaleSize(data.size, 1);
    // Only nodes big enough for a label (or forced to show one) can put one near the edge.
    const labelled = Boolean(data.label) && (data.forceLabel || radius >= settings.labelRenderedSizeThreshold);
    const label = labelled && context ? radius + 3 + context.measureText(clip(String(data.label))).width : radius;
    const half = labelled ? Math.max(radius, settings.labelSize / 2 + 2) : radius;
    xs.push({ at: p.x - width / 2, lo: radius, hi: label });
    ys.push({ at: p.y - height / 2, lo: half, hi: half });
  }
  if (!xs.length) return reference;
  // Panels over the canvas leave a smaller box to fit into, off-centre by (cx, cy).
  const insets = coveredBy.get(renderer)?.() ?? NO_INSETS;
  const halfW = Math.max(width / 4, (width - insets.left - insets.right) / 2 - FIT_MARGIN);
  const halfH = Math.max(height / 4, (height - insets.top - insets.bottom) / 2 - FIT_MARGIN);
  const cx = (insets.left - insets.right) / 2;
  const cy = (insets.top - insets.bottom) / 2;
  const fits = (ratio: number) => shiftAt(xs, halfW, ratio) !== null && shiftAt(ys, halfH, ratio) !== null;
  const minRatio = Math.min(1, options.minRatio ?? 1);
  let ratio = minRatio;
  if (!fits(minRatio)) {
    // Fitting is monotonic in the ratio (zooming out only frees room), so bisect between the closest zoom and the cap.
    let lo = minRatio;
    let hi = FIT_MAX_RATIO;
    if (fits(hi)) {
      for (let i = 0; i < 20; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) hi = mid;
        else lo = mid;
      }
    }
    ratio = hi;
  }
  const dx = (shiftAt(xs, halfW, ratio) ?? 0) - cx * ratio;
  const dy = (shiftAt(ys, halfH, ratio) ?? 0) - cy * ratio;
  const centre = renderer.viewportToFramedGraph({ x: width / 2 + dx, y: height / 2 + dy }, { cameraState: reference });
  return { x: centre.x, y: centre.y, ratio, angle: 0 };
}

/** The last fitted camera of each renderer, to tell whether the reader has moved it since. */
const lastFit = new WeakMap<Sigma, CameraState>();

/** Is the camera still where the last `fitCamera` put it (nobody panned or zoomed since)? */
export function isFitted(renderer: Sigma): boolean {
  const fit = lastFit.get(renderer);
  const now = renderer.getCamera().getState();
  return (
    fit !== undefined &&
    Math.abs(fit.x - now.x) < 1e-6 &&
    Math.abs(fit.y - now.y) < 1e-6 &&
    Math.abs(fit.ratio - now.ratio) < 1e-6
  );
}

/** Fits the camera to the graph with its labels (animated unless `duration` is 0). */
export function fitCamera(renderer: Sigma, duration = 300): Promise<void> {
  const state = fittedCameraState(renderer);
  lastFit.set(renderer, state);
  return moveCamera(renderer, state, duration);
}

/** Zoom closest to what an action brought or lit up: near enough to read, far enough to keep some context. */
const FIT_NODES_MIN_RATIO = 0.25;

/**
 * Moves the camera onto what an action changed (a path, an expansion, an opened community), with their labels,
 * so its result is on screen rather than somewhere off the canvas. Nothing to show: the camera stays.
 */
export function fitNodes(renderer: Sigma, nodes: Iterable<string>, duration = 400): Promise<void> {
  const graph = renderer.getGraph();
  const shown = [...nodes].filter((n) => graph.hasNode(n));
  if (!shown.length) return Promise.resolve();
  return moveCamera(renderer, fittedCameraState(renderer, { nodes: shown, minRatio: FIT_NODES_MIN_RATIO }), duration);
}

/** Is any drawn node inside the canvas at the camera's current state? */
export function anyNodeOnScreen(renderer: Sigma): boolean {
  const { width, height } = renderer.getDimensions();
  // The camera's state, not the last frame's matrix: this is asked right after the camera was set.
  const cameraState = renderer.getCamera().getState();
  return renderer.getGraph().someNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) return false;
    const p = renderer.framedGraphToViewport(data, { cameraState });
    return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
  });
}

/** Moves the camera to `state`, animated for `requested` ms (at once for readers who asked for reduced motion). */
export function moveCamera(renderer: Sigma, state: CameraState, requested: number): Promise<void> {
  const duration = cameraDuration(requested);
  if (duration <= 0) {
    renderer.getCamera().setState(state);
    return Promise.resolve();
  }
  return renderer.getCamera().animate(state, { duration });
}
