/**
 * As known on a date
 * ==================
 *
 * The "As known on" control: a day (empty means today) whose record the network, the details and a comparison
 * show: the facts Parley had learned by the end of that day, with the curation made since undone (`?asOf=` on
 * /api/graph, /api/nodes/:id and /api/diff). While a day is set, a badge says so, with one click back to today.
 */
import type { Store } from "../../graph/store";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "./as-of.css";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Mounts the control; it redraws itself when the store's as-of day changes. */
export function mountAsOfPanel(container: HTMLElement, deps: { store: Store }): Panel {
  const { store } = deps;

  function render(): void {
    const asOf = store.state.asOf;
    const input = h("input", {
      type: "date",
      id: "as-of-date",
      name: "asOf",
      "data-testid": "as-of-date",
      value: asOf ?? "",
      max: new Date().toISOString().slice(0, 10),
    }) as HTMLInputElement;
    const error = h("p", { class: "small error-text", role: "alert" });
    const submit = (e: Event) => {
      e.preventDefault();
      const day = input.value.trim();
      if (day !== "" && !DAY.test(day)) {
        error.textContent = "Give a day as YYYY-MM-DD, or leave it empty for today.";
        return;
      }
      store.setAsOf(day === "" ? null : day);
    };
    const badge = asOf
      ? h(
          "p",
          { class: "as-of-badge", role: "status", "data-testid": "as-of-badge" },
          h("span", { text: `As known on ${asOf}` }),
          h("button", {
            type: "button",
            class: "button subtle",
            "data-testid": "as-of-today",
            text: "Back to today",
            onclick: () => store.setAsOf(null),
          }),
        )
      : null;
    container.replaceChildren(
      h("h2", { text: "As known on" }),
      ...(badge ? [badge] : []),
      h(
        "form",
        { class: "as-of-form", "data-testid": "as-of-form", onsubmit: submit },
        h("label", { for: "as-of-date", text: "As known on" }),
        input,
        h("button", { type: "submit", class: "button", "data-testid": "as-of-run", text: "Show" }),
      ),
      error,
      h("p", {
        class: "small muted",
        text: "The record as it stood at the end of that day: facts learned later and curation made later left out.",
      }),
    );
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.asOf !== previous.asOf) render();
  });
  return {
    update: render,
    destroy: () => {
      unsubscribe();
      container.replaceChildren();
    },
  };
}
