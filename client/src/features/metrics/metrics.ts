/**
 * Metrics table
 * =============
 *
 * The most central actors of the drawn network by the chosen measure; a row selects the actor.
 */
import type Graph from "graphology";
import { topNodes } from "../../graph/metrics";
import type { SizeBy } from "../../graph/store";
import { colorOf } from "../../graph/style";
import { h } from "../../ui/dom";

/** Redraws the table of the top `count` actors. */
export function renderMetrics(
  el: HTMLElement,
  graph: Graph,
  sizeBy: SizeBy,
  onPick: (id: string) => void,
  count = 8,
): void {
  const metric = sizeBy === "betweenness" ? "mBetweenness" : "mDegree";
  const rows = topNodes(graph, metric, count);
  const format = (v: number) => (metric === "mDegree" ? String(v) : v.toFixed(3));
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
