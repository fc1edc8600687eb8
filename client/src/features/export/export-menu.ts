/**
 * Export menu
 * ===========
 *
 * An "Export" menu in the top bar that downloads the view on screen as GEXF, GraphML, JSON or CSV (for Gephi and
 * friends), or as a picture: PNG at screen or double resolution, or SVG (exports.ts).
 */
import type { ExplorerHost } from "../../controllers/explorer-host";
import { type GraphExportFormat, PNG_SCALES, downloadGraph, downloadPng, downloadSvg } from "./exports";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "../share/share.css";

/** File names from a title: lowercase words joined by dashes. */
function baseName(title: string | null): string {
  const slug = (title ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .slice(0, 60);
  return slug ? `parley-${slug}` : "parley-view";
}

/** Mounts the Export menu in `slot`; `title()` names the files (a snapshot's title, or nothing). */
export function mountExportMenu(slot: HTMLElement, host: ExplorerHost, title: () => string | null = () => null): Panel {
  const graphItem = (format: GraphExportFormat, label: string, hint: string) =>
    item(`export-${format}`, label, hint, () => downloadGraph(host.graph, format, baseName(title())));
  const item = (testid: string, label: string, hint: string, run: () => void | Promise<void>) =>
    h("button", {
      type: "button",
      role: "menuitem",
      class: "menu-item",
      "data-testid": testid,
      title: hint,
      text: label,
      onclick: () => {
        menu.open = false;
        const renderer = host.renderer();
        if (!renderer || host.graph.order === 0) return;
        void run();
      },
    });
  const picture = (run: (r: NonNullable<ReturnType<ExplorerHost["renderer"]>>) => void | Promise<void>) => () =>
    run(host.renderer()!);
  const menu = h(
    "details",
    { class: "menu", "data-testid": "export-menu" },
    h("summary", { class: "top-button", "data-testid": "export-button", title: "Download this view", text: "Export" }),
    h(
      "div",
      { class: "menu-list", role: "menu" },
      h("div", { class: "menu-heading", text: "Graph files" }),
      graphItem("gexf", "GEXF (Gephi)", "GEXF 1.3 with every attribute and the evidence ids"),
      graphItem("graphml", "GraphML", "GraphML with typed attributes"),
      graphItem("json", "JSON", "graphology's serialisation"),
      graphItem("csv", "CSV (nodes + edges)", "Two tables, for spreadsheets"),
      h("div", { class: "menu-heading", text: "Pictures" }),
      item(
        "export-png",
        "PNG",
        "The canvas at screen size",
        picture((r) => downloadPng(r, { scale: 1, baseName: baseName(title()) })),
      ),
      item(
        "export-png-2x",
        "PNG 2×",
        "The canvas at double resolution",
        picture((r) => downloadPng(r, { scale: PNG_SCALES["2x"], baseName: baseName(title()) })),
      ),
      item(
        "export-png-300dpi",
        "PNG 300 dpi",
        "The canvas for print: 300 dots per inch at its size on screen",
        picture((r) => downloadPng(r, { scale: PNG_SCALES["300dpi"], baseName: baseName(title()) })),
      ),
      item(
        "export-svg",
        "SVG",
        "The drawing as vector graphics",
        picture((r) => downloadSvg(r, baseName(title()))),
      ),
    ),
  );
  slot.append(menu);
  // A click elsewhere closes the menu, as menus do.
  const closeOutside = (event: MouseEvent) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  };
  document.addEventListener("click", closeOutside);
  return {
    update: () => {},
    destroy: () => {
      document.removeEventListener("click", closeOutside);
      menu.remove();
    },
  };
}
