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
 * - `downloadPng(sigma, { scale, baseName? })` → saves a PNG of the canvas at `scale` (`PNG_SCALES`) times its size;
 * - `pngBlob(sigma, scale)` → the PNG as a Blob (tests, clipboard);
 * - `toSvg(sigma)` / `downloadSvg(sigma, baseName?)` → the drawing as SVG (nodes as circles, edges as lines, labels).
 */
import { downloadAsPNG, toBlob } from "@sigma/export-image";
import type Graph from "graphology";
import { write as writeGexf } from "graphology-gexf/browser";
import type { SerializedGraph } from "graphology-types";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { drawnLabelNodes } from "../../sigma/renderer";
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

/** Saves text as a file through a temporary object URL. */
export function saveText(text: string, mime: string, fileName: string): void {
  saveBlob(new Blob([text], { type: `${mime};charset=utf-8` }), fileName);
}

function saveBlob(blob: Blob, fileName: string): void {
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

/** The canvas as a PNG Blob at `scale` times the screen size (white background, every layer, the labels seen). */
export function pngBlob(sigma: Sigma, scale: number = 1): Promise<Blob> {
  return toBlob(sigma, { format: "png", ...pictureOptions(sigma, scale) });
}

/** Downloads a PNG of the canvas at `scale` times its size on screen. */
export function downloadPng(sigma: Sigma, options: { scale?: number; baseName?: string } = {}): Promise<void> {
  const scale = options.scale ?? 1;
  const name = (Object.keys(PNG_SCALES) as (keyof typeof PNG_SCALES)[]).find((key) => PNG_SCALES[key] === scale);
  const suffix = scale === 1 ? "" : `@${name ?? `${scale}x`}`;
  return downloadAsPNG(sigma, {
    fileName: `${options.baseName ?? "parley-view"}${suffix}`,
    ...pictureOptions(sigma, scale),
  });
}

/**
 * The drawing as SVG: what sigma shows (after reducers: hidden elements stay out, colours and sizes as drawn),
 * in viewport coordinates, so it matches the screen. Curved edges are drawn straight.
 */
export function toSvg(sigma: Sigma): string {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  const settings = sigma.getSettings();
  const shown = drawnLabelNodes(sigma);
  const parts: string[] = [];
  const position = (node: string) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return null;
    const p = sigma.framedGraphToViewport(data);
    return { ...p, size: sigma.scaleSize(data.size), color: data.color, label: data.label };
  };
  graph.forEachEdge((edge, _attrs, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    const a = position(source);
    const b = position(target);
    if (!data || data.hidden || !a || !b) return;
    const w = Math.max(0.5, sigma.scaleSize(data.size));
    parts.push(
      `<line x1="${a.x.toFixed(2)}" y1="${a.y.toFixed(2)}" x2="${b.x.toFixed(2)}" y2="${b.y.toFixed(2)}" stroke="${xmlEscape(data.color)}" stroke-width="${w.toFixed(2)}"/>`,
    );
  });
  const labels: string[] = [];
  graph.forEachNode((node) => {
    const p = position(node);
    if (!p) return;
    parts.push(
      `<circle cx="${p.x.toFixed(2)}" cy="${p.y.toFixed(2)}" r="${p.size.toFixed(2)}" fill="${xmlEscape(p.color)}"/>`,
    );
    // The labels on screen, no others.
    if (p.label && shown.has(node)) {
      labels.push(
        `<text x="${(p.x + p.size + 3).toFixed(2)}" y="${(p.y + settings.labelSize / 3).toFixed(2)}">${xmlEscape(p.label)}</text>`,
      );
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g>${parts.join("")}</g>`,
    `<g font-family="${xmlEscape(settings.labelFont)}" font-size="${settings.labelSize}" fill="#222">${labels.join("")}</g>`,
    `</svg>`,
  ].join("\n");
}

/** Downloads the SVG of the drawing. */
export function downloadSvg(sigma: Sigma, baseName = "parley-view"): void {
  saveText(toSvg(sigma), "image/svg+xml", `${baseName}.svg`);
}
