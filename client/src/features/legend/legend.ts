/**
 * Legend panel
 * ============
 *
 * Colour and shape per node type (or per community), with a count, for the types on screen. Its title folds it
 * down to one line, so it never has to cover the labels of the nodes beneath it.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import type { ColorBy, Store } from "../../graph/store";
import { shapeOf } from "../../graph/style";
import { legendEntries } from "../export/drawing";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

/** Draws the legend for the current graph; `toggle` folds or unfolds it from its title. */
function renderLegend(el: HTMLElement, graph: ExplorerGraph, colorBy: ColorBy, toggle: () => void): void {
  const folded = el.classList.contains("collapsed");
  const title = h("button", {
    type: "button",
    class: "legend-title",
    "aria-expanded": String(!folded),
    "data-testid": "legend-toggle",
    title: folded ? "Show the legend" : "Fold the legend",
    text: `${colorBy === "community" ? "Communities" : "Node types"} ${folded ? "▸" : "▾"}`,
    onclick: toggle,
  });
  // The same entries as the pictures' and the dossier's legends (export/drawing.ts).
  const entries = legendEntries(graph, colorBy);
  el.replaceChildren(
    title,
    ...entries.map((entry) => {
      const swatch = h("span", { class: `swatch shape-${colorBy === "community" ? "disc" : shapeOf(entry.key)}` });
      swatch.style.setProperty("--swatch", entry.color);
      if (colorBy === "community")
        return h(
          "div",
          { class: "legend-item" },
          swatch,
          entry.label,
          h("span", { class: "count", text: entry.count }),
        );
      // Meta-nodes of the level-of-detail overview say how to open them: nothing else on the canvas looks clickable.
      const meta = entry.key === "community";
      const hint = meta ? { title: "Actors folded by country: click one to show its members" } : {};
      return h(
        "div",
        { class: "legend-item", "data-category": entry.key, ...hint },
        swatch,
        meta ? "Community (click to open)" : entry.label,
        h("span", { class: "count", text: entry.count }),
      );
    }),
  );
}

/** Mounts the legend: `update()` redraws it for the graph on screen and the store's colour choice. */
export function mountLegend(container: HTMLElement, deps: { graph: ExplorerGraph; store: Store }): Panel {
  const toggle = () => {
    container.classList.toggle("collapsed");
    update();
  };
  const update = () => renderLegend(container, deps.graph, deps.store.state.colorBy, toggle);
  return { update, destroy: () => container.replaceChildren() };
}
