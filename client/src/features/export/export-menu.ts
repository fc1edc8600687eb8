/**
 * Export menu
 * ===========
 *
 * An "Export" menu in the top bar that downloads the view on screen as GEXF, GraphML, JSON or CSV (for Gephi and
 * friends), as a picture: PNG at screen or double resolution or 300 dpi, or SVG, each with the legend (exports.ts),
 * or as a dossier: a PDF with the network, the legend, the actors and the cited quotes (dossier-dialog.ts).
 */
import type { ExplorerHost } from "../../controllers/explorer-host";
import { openDossierDialog } from "./dossier-dialog";
import { legendEntries } from "./drawing";
import { bindPrintPicture } from "./print-picture";
import { type GraphExportFormat, PNG_SCALES, downloadGraph, downloadPng, downloadSvg, fileBaseName } from "./exports";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "../share/share.css";

/** Mounts the Export menu in `slot`; `title()` names the files (a snapshot's title, or nothing). */
export function mountExportMenu(slot: HTMLElement, host: ExplorerHost, title: () => string | null = () => null): Panel {
  const graphItem = (format: GraphExportFormat, label: string, hint: string) =>
    item(`export-${format}`, label, hint, () => downloadGraph(host.graph, format, fileBaseName(title())));
  const item = (testid: string, label: string, hint: string, run: () => void | Promise<void>) =>
    h("button", {
      type: "button",
      role: "menuitem",
      // Arrow keys move between the items (below); Tab leaves the menu rather than stepping through it.
      tabindex: -1,
      class: "menu-item",
      "data-testid": testid,
      title: hint,
      text: label,
      onclick: () => {
        close(true);
        const renderer = host.renderer();
        if (!renderer || host.graph.order === 0) return;
        void run();
      },
    });
  const legend = () => legendEntries(host.graph, host.store.state.colorBy);
  const picture = (run: (r: NonNullable<ReturnType<ExplorerHost["renderer"]>>) => void | Promise<void>) => () =>
    run(host.renderer()!);
  const menu = h(
    "details",
    { class: "menu", "data-testid": "export-menu" },
    h("summary", {
      class: "top-button",
      "data-testid": "export-button",
      title: "Download this view",
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": "export-menu-list",
      text: "Export",
    }),
    h(
      "div",
      { class: "menu-list", role: "menu", id: "export-menu-list", "aria-label": "Export" },
      h("div", { class: "menu-heading", role: "presentation", text: "Graph files" }),
      graphItem("gexf", "GEXF (Gephi)", "GEXF 1.3 with every attribute and the evidence ids"),
      graphItem("graphml", "GraphML", "GraphML with typed attributes"),
      graphItem("json", "JSON", "graphology's serialisation"),
      graphItem("csv", "CSV (nodes + edges)", "Two tables, for spreadsheets"),
      h("div", { class: "menu-heading", role: "presentation", text: "Pictures" }),
      item(
        "export-png",
        "PNG",
        "The canvas at screen size",
        picture((r) => downloadPng(r, { scale: 1, baseName: fileBaseName(title()), legend: legend() })),
      ),
      item(
        "export-png-2x",
        "PNG 2×",
        "The canvas at double resolution",
        picture((r) => downloadPng(r, { scale: PNG_SCALES["2x"], baseName: fileBaseName(title()), legend: legend() })),
      ),
      item(
        "export-png-300dpi",
        "PNG 300 dpi",
        "The canvas for print: 300 dots per inch at its size on screen",
        picture((r) =>
          downloadPng(r, { scale: PNG_SCALES["300dpi"], baseName: fileBaseName(title()), legend: legend() }),
        ),
      ),
      item(
        "export-svg",
        "SVG",
        "The drawing as vector graphics",
        picture((r) => downloadSvg(r, fileBaseName(title()), legend())),
      ),
      h("div", { class: "menu-heading", role: "presentation", text: "Print" }),
      item(
        "export-dossier",
        "Export dossier (PDF)",
        "A PDF with the network, the legend, the filters, the actors and their roles, and every cited quote",
        () => openDossierDialog(host, title),
      ),
    ),
  );
  slot.append(menu);
  const summary = menu.querySelector("summary")!;
  const items = () => [...menu.querySelectorAll<HTMLElement>("[role=menuitem]")];
  /** Closes the menu; `refocus` puts focus back on its button (after Escape or a choice), as menus do. */
  function close(refocus: boolean): void {
    menu.open = false;
    if (refocus) summary.focus();
  }
  // The menu keyboard of the ARIA authoring practices: arrows move and wrap, Home and End jump, Escape closes.
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };
  menu.addEventListener("toggle", () => {
    summary.setAttribute("aria-expanded", String(menu.open));
  });
  summary.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    // The menu's own handler below would take the same key as a second step.
    event.stopPropagation();
    menu.open = true;
    summary.setAttribute("aria-expanded", "true");
    focusItem(event.key === "ArrowDown" ? 0 : -1);
  });
  // Opened with Enter or Space: the first item takes focus, so the arrows work at once.
  summary.addEventListener("click", (event) => {
    if (menu.open || event.detail !== 0) return;
    requestAnimationFrame(() => focusItem(0));
  });
  menu.addEventListener("keydown", (event) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape" && menu.open) {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (at < 0) {
      return;
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      focusItem(at + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      focusItem(at - 1);
    } else if (event.key === "Home") {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === "End") {
      event.preventDefault();
      focusItem(-1);
    } else if (event.key === "Tab") {
      close(false);
    }
  });
  // A click elsewhere closes the menu, as menus do.
  const closeOutside = (event: MouseEvent) => {
    if (menu.open && !menu.contains(event.target as Node)) close(false);
  };
  document.addEventListener("click", closeOutside);
  const unbindPrint = bindPrintPicture(host);
  return {
    update: () => {},
    destroy: () => {
      document.removeEventListener("click", closeOutside);
      unbindPrint();
      menu.remove();
    },
  };
}
