/**
 * Exports in the browser
 * ======================
 *
 * Downloads of the current view: GEXF 1.3, GraphML, JSON (graphology serialisation) and CSV (nodes and edges as
 * two files) from the graphology graph, PNG at 1×, 2× and 300 dpi through @sigma/export-image, and SVG of the
 * drawing. Pictures show what the screen shows: the same labels (sigma picks labels by density and size, so a
 * bigger canvas would pick others), and at 2× or 300 dpi the same drawing at a higher resolution, not a wider view.
 * The file formats share their serialisers with the server's snapshot exports (graph-formats.ts).
 *
 * Exports:
 * - `graphToText(graph, format, part?)` → `{ text, mime, extension }` for gexf | graphml | json | csv;
 * - `downloadGraph(graph, format, baseName?)` → saves the file (CSV: `-nodes.csv` and `-edges.csv`);
 * - `downloadPng(sigma, { scale, baseName?, legend? })` → saves a PNG of the canvas at `scale` (`PNG_SCALES`) times
 *   its size, with the legend panel's entries in its corner;
 * - `pngBlob(sigma, scale, legend?)` → the PNG as a Blob (tests, clipboard);
 * - `toSvg(sigma, legend?)` / `downloadSvg(sigma, baseName?, legend?)` → the drawing as SVG (nodes as circles, edges
 *   as lines, labels, the legend).
 */
import { toBlob } from "@sigma/export-image";
import type Graph from "graphology";
import { write as writeGexf } from "graphology-gexf/browser";
import type { SerializedGraph } from "graphology-types";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { drawnLabelNodes } from "../../sigma/renderer";
import { type LegendEntry, drawingOf } from "./drawing";
import type { PortableGraph } from "../../../../contracts/graph";
import {
  flattenGraph,
  gexfAttributes,
  toCsv,
  toGraphML,
  withGexfTimes,
  xmlEscape,
} from "../../../../contracts/graph-formats";
import { EXPORT_FORMATS, type ExportFormat } from "../../../../contracts/vocabulary";

/** The same formats as the server's snapshot exports. */
export const GRAPH_EXPORT_FORMATS = EXPORT_FORMATS;
export type GraphExportFormat = ExportFormat;

/** The graph as graphology's serialisation, JSON-safe. */
function portable(graph: Graph): PortableGraph {
  return JSON.parse(JSON.stringify(graph.export())) as PortableGraph;
}

/** The text of one export (CSV: the `part` table, nodes by default). */
export function graphToText(
  graph: Graph,
  format: GraphExportFormat,
  part: "nodes" | "edges" = "nodes",
): { text: string; mime: string; extension: string } {
  const data = portable(graph);
  switch (format) {
    case "gexf": {
      // graphology-gexf writes from a graph instance: rebuild one with attributes GEXF can type.
      const flattened = flattenGraph(data, gexfAttributes);
      const flat = graph.nullCopy();
      flat.import(flattened as SerializedGraph);
      return {
        text: withGexfTimes(writeGexf(flat, { version: "1.3", pretty: true }), flattened),
        mime: "application/gexf+xml",
        extension: "gexf",
      };
    }
    case "graphml":
      return { text: toGraphML(data), mime: "application/graphml+xml", extension: "graphml" };
    case "json":
      return { text: JSON.stringify(data), mime: "application/json", extension: "json" };
    case "csv":
      return { text: toCsv(data, part), mime: "text/csv", extension: `${part}.csv` };
  }
}

/** File names from a title: `parley-` and its lowercase words joined by dashes (`parley-view` without one). */
export function fileBaseName(title: string | null): string {
  const slug = (title ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .slice(0, 60);
  return slug ? `parley-${slug}` : "parley-view";
}

/** Saves text as a file through a temporary object URL. */
export function saveText(text: string, mime: string, fileName: string): void {
  saveBlob(new Blob([text], { type: `${mime};charset=utf-8` }), fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the graph in a format; CSV gives two files, nodes and edges. */
export function downloadGraph(graph: Graph, format: GraphExportFormat, baseName = "parley-view"): void {
  if (format === "csv") {
    for (const part of ["nodes", "edges"] as const) {
      const { text, mime, extension } = graphToText(graph, "csv", part);
      saveText(text, mime, `${baseName}-${extension}`);
    }
    return;
  }
  const { text, mime, extension } = graphToText(graph, format);
  saveText(text, mime, `${baseName}.${extension}`);
}

/** Picture scales offered: the screen's size, double, and 300 dots per inch of a 96-dpi screen (print). */
export const PNG_SCALES = { "1x": 1, "2x": 2, "300dpi": 300 / 96 } as const;

function pixelSize(sigma: Sigma, scale: number): { width: number; height: number } {
  const { width, height } = sigma.getDimensions();
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * Settings that make the export's own renderer draw what this one shows, `scale` times bigger: the labels on screen
 * now (forced, and no other), node and edge sizes and the label size multiplied, the camera as it is.
 */
function asSeen(sigma: Sigma, scale: number): Partial<Settings> {
  const shown = drawnLabelNodes(sigma);
  const { nodeReducer, edgeReducer, labelSize } = sigma.getSettings();
  return {
    nodeReducer: (node, data) => {
      const res = nodeReducer ? nodeReducer(node, data) : data;
      const labelled = shown.has(node);
      return {
        ...res,
        size: (res.size ?? 1) * scale,
        forceLabel: labelled,
        labelAsSeen: labelled,
        label: labelled ? res.label : null,
      };
    },
    edgeReducer: (edge, data) => {
      const res = edgeReducer ? edgeReducer(edge, data) : data;
      return { ...res, size: (res.size ?? 1) * scale };
    },
    labelSize: labelSize * scale,
  };
}

/** What every picture export passes @sigma/export-image: a white background, the drawing as seen, its pixel size. */
function pictureOptions(sigma: Sigma, scale: number) {
  return { backgroundColor: "#ffffff", sigmaSettings: asSeen(sigma, scale), ...pixelSize(sigma, scale) };
}

/** The legend's ink: darker than the edges, apart from the labels' colour so label counts stay countable. */
const LEGEND_INK = "#4a5260";

/** The legend's box in drawing pixels (before `scale`): bottom-left, one line per entry. */
function legendBox(entries: LegendEntry[], height: number) {
  const line = 16;
  const boxHeight = entries.length * line + 10;
  return { x: 10, y: height - boxHeight - 10, line, boxHeight };
}

/**
 * Draws the legend (a swatch, the name and the count per entry) into the bottom-left corner of a picture
 * `scale` times the drawing's size, as the legend panel sits over the canvas on screen.
 */
function paintLegend(context: CanvasRenderingContext2D, entries: LegendEntry[], height: number, scale: number): void {
  if (!entries.length) return;
  const { x, y, line, boxHeight } = legendBox(entries, height);
  context.save();
  context.scale(scale, scale);
  context.font = "12px sans-serif";
  const width = Math.max(...entries.map((e) => context.measureText(`${e.label} (${e.count})`).width)) + 34;
  context.fillStyle = "rgba(255,255,255,0.92)";
  context.strokeStyle = "#c9ced6";
  context.fillRect(x, y, width, boxHeight);
  context.strokeRect(x, y, width, boxHeight);
  entries.forEach((entry, i) => {
    const cy = y + 5 + line * i + line / 2;
    context.fillStyle = entry.color;
    context.beginPath();
    context.arc(x + 12, cy, 5, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = LEGEND_INK;
    context.textBaseline = "middle";
    context.fillText(`${entry.label} (${entry.count})`, x + 24, cy);
  });
  context.restore();
}

/**
 * The canvas as a PNG Blob at `scale` times the screen size (white background, every layer, the labels seen), with
 * the legend's entries drawn in its corner when given.
 */
export async function pngBlob(sigma: Sigma, scale: number = 1, legend: LegendEntry[] = []): Promise<Blob> {
  const picture = await toBlob(sigma, { format: "png", ...pictureOptions(sigma, scale) });
  if (!legend.length) return picture;
  const bitmap = await createImageBitmap(picture);
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext("2d")!;
  context.drawImage(bitmap, 0, 0);
  paintLegend(context, legend, sigma.getDimensions().height, scale);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("Export: the PNG could not be encoded."))),
      "image/png",
    ),
  );
}

/** Downloads a PNG of the canvas at `scale` times its size on screen, with the legend. */
export async function downloadPng(
  sigma: Sigma,
  options: { scale?: number; baseName?: string; legend?: LegendEntry[] } = {},
): Promise<void> {
  const scale = options.scale ?? 1;
  const name = (Object.keys(PNG_SCALES) as (keyof typeof PNG_SCALES)[]).find((key) => PNG_SCALES[key] === scale);
  const suffix = scale === 1 ? "" : `@${name ?? `${scale}x`}`;
  saveBlob(await pngBlob(sigma, scale, options.legend), `${options.baseName ?? "parley-view"}${suffix}.png`);
}

/**
 * The drawing as SVG: what sigma shows (drawing.ts), in viewport coordinates, so it matches the screen, with the
 * legend's entries in the bottom-left corner when given. Curved edges are drawn straight.
 */
export function toSvg(sigma: Sigma, legend: LegendEntry[] = []): string {
  const drawing = drawingOf(sigma);
  const { width, height } = drawing;
  const n = (value: number) => value.toFixed(2);
  const edges = drawing.edges.map(
    (e) =>
      `<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${xmlEscape(e.color)}" stroke-width="${n(e.width)}"/>`,
  );
  const nodes = drawing.nodes.map(
    (p) => `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(p.radius)}" fill="${xmlEscape(p.color)}"/>`,
  );
  // The labels on screen, no others.
  const labels = drawing.nodes
    .filter((p) => p.label)
    .map(
      (p) => `<text x="${n(p.x + p.radius + 3)}" y="${n(p.y + drawing.labelSize / 3)}">${xmlEscape(p.label!)}</text>`,
    );
  const box = legendBox(legend, height);
  const legendParts = legend.map((entry, i) => {
    const cy = box.y + 5 + box.line * i + box.line / 2;
    return `<circle cx="${box.x + 12}" cy="${n(cy)}" r="5" fill="${xmlEscape(entry.color)}"/><text x="${box.x + 24}" y="${n(cy + 4)}">${xmlEscape(`${entry.label} (${entry.count})`)}</text>`;
  });
  const legendWidth = Math.max(0, ...legend.map((e) => `${e.label} (${e.count})`.length * 7)) + 34;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g>${edges.join("")}${nodes.join("")}</g>`,
    `<g class="labels" font-family="${xmlEscape(drawing.labelFont)}" font-size="${drawing.labelSize}" fill="#222">${labels.join("")}</g>`,
    legend.length
      ? `<g class="legend" font-family="sans-serif" font-size="12" fill="${LEGEND_INK}"><rect x="${box.x}" y="${box.y}" width="${legendWidth}" height="${box.boxHeight}" fill="#ffffff" fill-opacity="0.92" stroke="#c9ced6"/>${legendParts.join("")}</g>`
      : "",
    `</svg>`,
  ].join("\n");
}

/** Downloads the SVG of the drawing, with the legend. */
export function downloadSvg(sigma: Sigma, baseName = "parley-view", legend: LegendEntry[] = []): void {
  saveText(toSvg(sigma, legend), "image/svg+xml", `${baseName}.svg`);
}
