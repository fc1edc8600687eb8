/**
 * Renderer
 * ========
 *
 * Creates the sigma instance: node programs that give each node type its shape, curved edges for parallel links,
 * label settings that keep labels readable, and a hover box drawn in the page's theme colours.
 */
import type Graph from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import EdgeCurveProgram from "@sigma/edge-curve";
import { createNodeBorderProgram } from "@sigma/node-border";
import type { CanvasTheme } from "./theme";

let theme: CanvasTheme | null = null;

/** Labels ellipsised so a very long name never runs across the canvas. */
const MAX_LABEL = 42;
function clip(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

const drawLabel: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const text = clip(data.label);
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  // A halo in the background colour keeps labels legible over edges.
  context.lineWidth = 3;
  context.strokeStyle = theme?.background ?? "#ffffff";
  context.lineJoin = "round";
  context.strokeText(text, x, y);
  context.fillStyle = theme?.foreground ?? "#1d2430";
  context.fillText(text, x, y);
};

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

/** Creates sigma on `container`; `initialTheme` is used by labels until `setRendererTheme` changes it. */
export function createRenderer(graph: Graph, container: HTMLElement, initialTheme: CanvasTheme, settings: Partial<Settings> = {}): Sigma {
  theme = initialTheme;
  return new Sigma(graph, container, {
    nodeProgramClasses: { disc: NodeCircleProgram, circle: NodeCircleProgram, institution: InstitutionProgram, document: DocumentProgram, occurrence: OccurrenceProgram },
    edgeProgramClasses: { line: EdgeRectangleProgram, thin: EdgeLineProgram, curved: EdgeCurveProgram },
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
    ...settings,
  });
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
  void renderer.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) }, { duration });
}
