/**
 * Metrics table
 * =============
 *
 * The most central actors of the drawn network by the chosen measure; a row selects the actor.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import { topNodes } from "../../graph/metrics";
import type { SizeBy, Store } from "../../graph/store";
import { colorOf } from "../../graph/style";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

/** Draws the table of the top `count` actors. */
function renderMetrics(
  el: HTMLElement,
  graph: ExplorerGraph,
  sizeBy: SizeBy,
  onPick: (id: string) => void,
  count = 8,
): void {
  const metric = sizeBy === "betweenness" ? "metricBetweenness" : "metricDegree";
  const rows = topNodes(graph, metric, count);
  const format = (v: number) => (metric === "metricDegree" ? String(v) : v.toFixed(3));
  el.replaceChildren(
    h("div", { class: "card-head" }, h("h2", { text: "Most central actors" })),
    rows.length
      ? h(
          "table",
          { class: "metrics-table" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col", text: "Actor" }),
              h("th", { scope: "col", class: "num", text: sizeBy === "betweenness" ? "Betweenness" : "Degree" }),
            ),
          ),
          h(
            "tbody",
            {},
            ...rows.map((r) => {
              const dot = h("span", { class: "dot" });
              dot.style.background = colorOf(r.category);
              return h(
                "tr",
                { "data-testid": "metrics-row" },
                h(
                  "td",
                  {},
                  h(
                    "button",
                    { type: "button", class: "link", title: r.label, onclick: () => onPick(r.id) },
                    dot,
                    h("span", { class: "ellipsis", text: r.label }),
                  ),
                ),
                h("td", { class: "num", text: format(r.value) }),
              );
            }),
          ),
        )
      : h("p", { class: "muted small", text: "No actors in view." }),
  );
}

/** What the metrics table reads, and `pick`, called with the actor of a clicked row. */
export interface MetricsDeps {
  graph: ExplorerGraph;
  store: Store;
  pick(id: string): void;
}

/** Mounts the table of the most central actors: `update()` redraws it for the graph and the store's measure. */
export function mountMetrics(container: HTMLElement, deps: MetricsDeps): Panel {
  const update = () => renderMetrics(container, deps.graph, deps.store.state.sizeBy, deps.pick);
  return { update, destroy: () => container.replaceChildren() };
}
