/**
 * Path picker
 * ===========
 *
 * Two actor fields (with suggestions from the drawn graph) and a button that highlights the shortest path(s)
 * between them; the result line says how many paths and how long.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import type { PathSearch, Store } from "../../graph/store";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

export interface PathPanelActions {
  find(from: string, to: string): void;
  clear(): void;
}

function labelOf(graph: ExplorerGraph, id: string | null): string {
  if (!id) return "";
  return graph.hasNode(id) ? String(graph.getNodeAttribute(id, "label") ?? id) : id;
}

/** Draws the picker; `view` holds the chosen ends and the last result text. */
function renderPathPanel(el: HTMLElement, graph: ExplorerGraph, view: PathSearch, actions: PathPanelActions): void {
  const byLabel = new Map<string, string>();
  graph.forEachNode((id, a) => {
    if (a.category !== "event" && a.category !== "place") byLabel.set(String(a.label ?? id), id);
  });
  const options = h(
    "datalist",
    { id: "path-actors" },
    ...[...byLabel.keys()].sort().map((l) => h("option", { value: l })),
  );
  const resolve = (value: string) => byLabel.get(value.trim()) ?? (graph.hasNode(value.trim()) ? value.trim() : null);
  const fromInput = h("input", {
    type: "text",
    list: "path-actors",
    "data-testid": "path-from-input",
    "aria-label": "Path from",
    placeholder: "From actor…",
    value: labelOf(graph, view.from),
  });
  const toInput = h("input", {
    type: "text",
    list: "path-actors",
    "data-testid": "path-to-input",
    "aria-label": "Path to",
    placeholder: "To actor…",
    value: labelOf(graph, view.to),
  });
  const message = h(
    "p",
    { class: `small ${view.error ? "error-text" : "muted"}`, "data-testid": "path-result", role: "status" },
    view.result ?? "Pick two actors to see how they are connected, through events.",
  );
  const submit = (e: Event) => {
    e.preventDefault();
    const from = resolve(fromInput.value);
    const to = resolve(toInput.value);
    if (!from || !to) {
      message.textContent = "Pick both actors from the suggestions.";
      message.className = "small error-text";
      return;
    }
    actions.find(from, to);
  };
  el.replaceChildren(
    h("div", { class: "card-head" }, h("h2", { text: "Path between two actors" })),
    h(
      "form",
      { class: "path-form", onsubmit: submit },
      options,
      fromInput,
      toInput,
      h(
        "div",
        { class: "row-buttons" },
        h("button", { type: "submit", class: "button", "data-testid": "path-find" }, "Find path"),
        view.from || view.to || view.result
          ? h(
              "button",
              { type: "button", class: "button subtle", "data-testid": "path-clear", onclick: () => actions.clear() },
              "Clear",
            )
          : null,
      ),
      message,
    ),
  );
}

/** Mounts the path picker: `update()` redraws it for the graph's actors and the store's path search. */
export function mountPathPanel(
  container: HTMLElement,
  deps: { graph: ExplorerGraph; store: Store; actions: PathPanelActions },
): Panel {
  const update = () => renderPathPanel(container, deps.graph, deps.store.state.pathSearch, deps.actions);
  return { update, destroy: () => container.replaceChildren() };
}
