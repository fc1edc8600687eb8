/**
 * Open a graph file
 * =================
 *
 * Reads a GEXF or GraphML file the user picked into a graphology graph, in the browser only (nothing is sent to
 * the server or written to Neo4j), so it can be looked at beside the database view.
 *
 * Exports:
 * - `IMPORT_ACCEPT` → the `accept` attribute for an `<input type="file">`;
 * - `detectGraphFormat(name, text)` → "gexf" | "graphml" | null (by root element, then extension);
 * - `parseGraphText(text, format)` → a graphology graph (missing nodes added, any edge type);
 * - `readGraphFile(file)` → `{ graph, format, name }`, throws GraphFileError with a message for people;
 * - `pickGraphFile()` → opens the file chooser and resolves with the read file, or null when cancelled.
 */
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf/browser";
import { parse as parseGraphml } from "graphology-graphml/browser";

export type GraphFileFormat = "gexf" | "graphml";

/** Files the chooser offers. */
export const IMPORT_ACCEPT = ".gexf,.graphml,.xml,application/gexf+xml,application/graphml+xml";

/** Larger files would freeze the tab while parsing; Gephi is the tool for those. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** A file that cannot be opened, with a message to show as it is. */
export class GraphFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphFileError";
  }
}

/** The format of a file by its root element (`<gexf>`, `<graphml>`), or by its extension when the text is unclear. */
export function detectGraphFormat(name: string, text: string): GraphFileFormat | null {
  const head = text.slice(0, 4096);
  if (/<gexf[\s>]/.test(head)) return "gexf";
  if (/<graphml[\s>]/.test(head)) return "graphml";
  if (/\.gexf$/i.test(name)) return "gexf";
  if (/\.graphml$/i.test(name)) return "graphml";
  return null;
}

/** Parses GEXF or GraphML text into a new graphology graph. */
export function parseGraphText(text: string, format: GraphFileFormat): Graph {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error)
    throw new GraphFileError(
      `This ${format.toUpperCase()} file is not well-formed XML: ${error.textContent?.trim().split("\n")[0] ?? ""}`,
    );
  try {
    // Files from other tools often have edges to undeclared nodes; show them rather than refuse the file.
    return format === "gexf"
      ? parseGexf(Graph, doc, { addMissingNodes: true, allowUndeclaredAttributes: true })
      : parseGraphml(Graph, doc, { addMissingNodes: true });
  } catch (cause) {
    throw new GraphFileError(
      `This ${format.toUpperCase()} file could not be read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** Reads a picked file into a graph. */
export async function readGraphFile(file: File): Promise<{ graph: Graph; format: GraphFileFormat; name: string }> {
  if (file.size > IMPORT_MAX_BYTES)
    throw new GraphFileError(
      `${file.name} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; open it in Gephi instead.`,
    );
  const text = await file.text();
  const format = detectGraphFormat(file.name, text);
  if (!format) throw new GraphFileError(`${file.name} is neither GEXF nor GraphML.`);
  return { graph: parseGraphText(text, format), format, name: file.name };
}

/** Opens the browser's file chooser; resolves with the graph, or null when the user cancels. */
export function pickGraphFile(): Promise<{ graph: Graph; format: GraphFileFormat; name: string } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = IMPORT_ACCEPT;
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      readGraphFile(file).then(resolve, reject);
    });
    input.addEventListener("cancel", () => resolve(null));
    input.click();
  });
}
