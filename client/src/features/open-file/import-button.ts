/**
 * Open a graph file
 * =================
 *
 * An "Open file" button that reads a GEXF or GraphML file in the browser (import-file.ts) and shows it in
 * the explorer instead of the database view, with a banner and a way back; nothing is sent to the server.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { ExplorerHost } from "../../controllers/explorer-host";
import { drawGraph } from "../../controllers/view-source";
import { TYPE_COLORS } from "../../graph/style";
import { GraphFileError, type GraphFileFormat, IMPORT_ACCEPT, readGraphFile } from "./import-file";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "../share/share.css";

/**
 * The explorer's node attributes for a graph from another tool: a `label`, a `category` (Parley's own exports
 * carry it; others fall back to their `kind`/`type`), numbers for x/y, and no render program names sigma lacks.
 */
export function asExplorerGraph(source: Graph): SerializedGraph {
  const graph = new Graph({ type: "mixed", multi: true, allowSelfLoops: true });
  const data = source.export();
  graph.import({
    ...data,
    options: { type: "mixed", multi: true, allowSelfLoops: true },
    nodes: data.nodes.map((n) => {
      const a = { ...(n.attributes ?? {}) };
      const category = [a.category, a.kind, a.type].find((v) => typeof v === "string" && v in TYPE_COLORS);
      const x = Number(a.x);
      const y = Number(a.y);
      return {
        key: n.key,
        attributes: {
          ...a,
          label: typeof a.label === "string" && a.label ? a.label : n.key,
          category: (category as string | undefined) ?? (typeof a.category === "string" ? a.category : "node"),
          ...(Number.isFinite(x) && Number.isFinite(y) ? { x, y } : { x: undefined, y: undefined }),
        },
      };
    }),
  });
  return graph.export();
}

/** Shows a picked or dropped file's graph in place of the database view. */
export async function showGraphFile(
  host: ExplorerHost,
  file: { graph: Graph; format: GraphFileFormat; name: string },
): Promise<void> {
  const data = asExplorerGraph(file.graph);
  const placed = data.nodes.every((n) => typeof n.attributes?.x === "number");
  await drawGraph(host, data, {
    mode: "replace",
    source: { kind: "file", name: file.name, format: file.format },
    keepFilePositions: placed,
  });
}

/** Mounts the Open file button (and a hidden input tests can set files on) in `slot`. */
export function mountImportButton(slot: HTMLElement, host: ExplorerHost): Panel {
  const input = h("input", { type: "file", accept: IMPORT_ACCEPT, hidden: true, "data-testid": "import-input" });
  const fail = (error: unknown) =>
    host.showMessage(error instanceof GraphFileError ? error.message : "The file could not be opened.", "error", {
      label: "Dismiss",
      run: () => host.showMessage(null),
    });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) readGraphFile(file).then((read) => showGraphFile(host, read), fail);
  });
  const button = h("button", {
    type: "button",
    class: "top-button",
    "data-testid": "import-button",
    title: "Look at a GEXF or GraphML file (stays in this browser)",
    text: "Open file",
    onclick: () => input.click(),
  });
  slot.append(button, input);
  return { update: () => {}, destroy: () => (button.remove(), input.remove()) };
}
