/**
 * Exports in the browser
 * ======================
 *
 * Downloads of the current view: GEXF 1.3, GraphML, JSON (graphology serialisation) and CSV (nodes and edges as
 * two files) from the graphology graph, PNG at 1× and 2× through @sigma/export-image, and SVG of the drawing.
 * The file formats share their serialisers with the server's snapshot exports (graph-formats.ts).
 *
 * Exports:
 * - `graphToText(graph, format, part?)` → `{ text, mime, extension }` for gexf | graphml | json | csv;
 * - `downloadGraph(graph, format, baseName?)` → saves the file (CSV: `-nodes.csv` and `-edges.csv`);
 * - `downloadPng(sigma, { scale: 1 | 2, baseName? })` → saves a PNG of the canvas at screen or double resolution;
 * - `pngBlob(sigma, scale)` → the PNG as a Blob (tests, clipboard);
 * - `toSvg(sigma)` / `downloadSvg(sigma, baseName?)` → the drawing as SVG (nodes as circles, edges as lines, labels).
 */
import { downloadAsPNG, toBlob } from "@sigma/export-image";
import type Graph from "graphology";
import { write as writeGexf } from "graphology-gexf/browser";
import type { SerializedGraph } from "graphology-types";
import type Sigma from "sigma";
import type { PortableGraph } from "../../../../contracts/graph";
import { flattenGraph, gexfAttributes, toCsv, toGraphML, xmlEscape } from "../../../../contracts/graph-formats";
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
      const flat = graph.nullCopy();
      flat.import(flattenGraph(data, gexfAttributes) as SerializedGraph);
      return {
        text: writeGexf(flat, { version: "1.3", pretty: true }),
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

function pixelSize(sigma: Sigma, scale: number): { width: number; height: number } {
  const { width, height } = sigma.getDimensions();
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** The canvas as a PNG Blob at `scale` times the screen size (white background, every layer). */
export function pngBlob(sigma: Sigma, scale: 1 | 2 = 1): Promise<Blob> {
  return toBlob(sigma, { format: "png", backgroundColor: "#ffffff", ...pixelSize(sigma, scale) });
}

/** Downloads a PNG of the canvas at screen (1×) or double (2×) resolution. */
export function downloadPng(sigma: Sigma, options: { scale?: 1 | 2; baseName?: string } = {}): Promise<void> {
  const scale = options.scale ?? 1;
  return downloadAsPNG(sigma, {
    fileName: `${options.baseName ?? "parley-view"}${scale === 2 ? "@2x" : ""}`,
    backgroundColor: "#ffffff",
    ...pixelSize(sigma, scale),
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
    // Labels as sigma would show them at this zoom: only nodes big enough on screen.
    if (p.label && p.size >= settings.labelRenderedSizeThreshold) {
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
