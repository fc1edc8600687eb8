/**
 * Legend panel
 * ============
 *
 * Colour and shape per node type (or per community), with a count, for the types on screen. Its title folds it
 * down to one line, so it never has to cover the labels of the nodes beneath it.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import type { ColorBy, Store } from "../../graph/store";
import { TYPE_NAMES, colorOf, communityColor, shapeOf } from "../../graph/style";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

/** Draws the legend for the current graph; `toggle` folds or unfolds it from its title. */
function renderLegend(el: HTMLElement, graph: ExplorerGraph, colorBy: ColorBy, toggle: () => void): void {
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => {
    const key = colorBy === "community" ? String(a.metricCommunity ?? 0) : String(a.category);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
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
  if (colorBy === "community") {
    const items = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
    el.replaceChildren(
      title,
      ...items.map(([c, n]) => {
        const swatch = h("span", { class: "swatch shape-disc" });
        swatch.style.setProperty("--swatch", communityColor(Number(c)));
        return h(
          "div",
          { class: "legend-item" },
          swatch,
          `Community ${Number(c) + 1}`,
          h("span", { class: "count", text: n }),
        );
      }),
    );
    return;
  }
  const order = Object.keys(TYPE_NAMES);
  const types = [...counts.keys()].sort((a, b) => ((order.indexOf(a) + 100) % 100) - ((order.indexOf(b) + 100) % 100));
  el.replaceChildren(
    title,
    ...types.map((type) => {
      const swatch = h("span", { class: `swatch shape-${shapeOf(type)}` });
      swatch.style.setProperty("--swatch", colorOf(type));
      // Meta-nodes of the level-of-detail overview say how to open them: nothing else on the canvas looks clickable.
      const hint = type === "community" ? { title: "Actors folded by country: click one to show its members" } : {};
      return h(
        "div",
        { class: "legend-item", "data-category": type, ...hint },
        swatch,
        type === "community" ? "Community (click to open)" : (TYPE_NAMES[type] ?? type),
        h("span", { class: "count", text: counts.get(type) ?? 0 }),
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
