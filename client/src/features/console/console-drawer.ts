/**
 * Cypher console drawer
 * =====================
 *
 * A "Cypher" button in the top bar that opens a drawer beside the canvas holding the console panel
 * (console.ts); each result's graph is drawn in the main sigma view, replacing it or added to it, through the
 * same build path as the database view, so colours, sizes, legend, hover and selection work on it.
 */
import type { SerializedGraph } from "graphology-types";
import type { QueryResultDto } from "../../../../contracts/query";
import type { ExplorerHost } from "../../controllers/explorer-host";
import { type DrawMode, drawGraph } from "../../controllers/view-source";
import { type ConsoleHandle, mountConsole } from "./console";
import { readHistory } from "./query-history";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "../share/share.css";

function safeParams(text: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(text ?? "{}") as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Mounts the Cypher button in the top bar's `topbarSlot` and the (lazily built) drawer beside the canvas. */
export function mountConsoleDrawer(topbarSlot: HTMLElement, host: ExplorerHost): Panel {
  let handle: ConsoleHandle | null = null;
  let mode: DrawMode = "replace";
  const drawer = h("aside", {
    class: "console-drawer",
    id: "console-drawer",
    "data-testid": "console-drawer",
    "aria-label": "Cypher console",
    hidden: true,
  });
  const button = h("button", {
    type: "button",
    class: "top-button",
    "data-testid": "console-toggle",
    "aria-expanded": "false",
    "aria-controls": "console-drawer",
    title: "Ask the database in Cypher (read-only)",
    text: "Cypher",
  });
  topbarSlot.append(button);
  document.querySelector("main.layout")?.append(drawer);

  const modeRadio = (value: DrawMode, label: string) => {
    const input = h("input", {
      type: "radio",
      name: "console-draw-mode",
      value,
      "data-testid": `console-mode-${value}`,
    });
    input.checked = value === mode;
    input.addEventListener("change", () => (mode = value));
    return h("label", { class: "mode-choice" }, input, label);
  };

  function open(): void {
    if (!handle) {
      const body = h("div", { class: "console-drawer-body" });
      drawer.append(
        h(
          "div",
          { class: "console-drawer-head" },
          h("h2", { text: "Cypher console" }),
          h(
            "fieldset",
            { class: "mode-choices", "data-testid": "console-mode" },
            h("legend", { class: "visually-hidden", text: "Results in the graph" }),
            modeRadio("replace", "Replace view"),
            modeRadio("add", "Add to view"),
          ),
          h("button", {
            type: "button",
            class: "icon-button",
            "data-testid": "console-close",
            "aria-label": "Close the console",
            title: "Close",
            text: "✕",
            onclick: () => close(),
          }),
        ),
        body,
      );
      handle = mountConsole(body, { onResult: (result) => void onResult(result) });
      (window as unknown as { parleyConsole?: ConsoleHandle }).parleyConsole = handle;
    }
    drawer.hidden = false;
    button.setAttribute("aria-expanded", "true");
    drawer.querySelector<HTMLElement>(".cm-content")?.focus();
  }

  function close(): void {
    drawer.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  async function onResult(result: QueryResultDto): Promise<void> {
    // The console records each query it runs in its history, newest first (saved questions excepted).
    const entry = readHistory()[0];
    const text = entry?.query ?? "";
    const params = safeParams(entry?.params);
    if (!result.graph.nodes.length) {
      // A scalar-only result (counts, names) has nothing to draw: keep the picture, the table shows the answer.
      drawer.dataset.drawn = "none";
      return;
    }
    const added = mode === "add" && host.store.state.source.kind !== "file";
    await drawGraph(host, result.graph as unknown as SerializedGraph, {
      mode,
      source: { kind: "query", query: text, params, added },
    });
    drawer.dataset.drawn = String(host.graph.order);
  }

  button.addEventListener("click", () => (drawer.hidden ? open() : close()));
  return {
    update: () => {},
    destroy: () => {
      handle?.destroy();
      button.remove();
      drawer.remove();
    },
  };
}
