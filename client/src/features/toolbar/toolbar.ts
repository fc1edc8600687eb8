/**
 * Toolbar
 * =======
 *
 * Zoom, fit, reset, layout start/stop, and undo/redo of expand/collapse steps, as labelled buttons.
 */
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

export interface ToolbarActions {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  reset(): void;
  toggleLayout(): void;
  undo(): void;
  redo(): void;
}

export interface ToolbarView {
  layoutRunning: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/** Draws the toolbar buttons for the current view. */
function renderToolbar(el: HTMLElement, view: ToolbarView, actions: ToolbarActions): void {
  const button = (testid: string, label: string, text: string, onclick: () => void, disabled = false) =>
    h(
      "button",
      { type: "button", class: "tool", "data-testid": testid, "aria-label": label, title: label, disabled, onclick },
      text,
    );
  el.replaceChildren(
    button("zoom-in", "Zoom in", "+", actions.zoomIn),
    button("zoom-out", "Zoom out", "−", actions.zoomOut),
    button("fit", "Fit the whole network", "⤢", actions.fit),
    button("reset", "Reset: clear selection and path, fit", "⟲", actions.reset),
    h("span", { class: "tool-sep" }),
    button(
      "layout-toggle",
      view.layoutRunning ? "Stop the layout" : "Run the layout (ForceAtlas2)",
      view.layoutRunning ? "❚❚" : "▶",
      actions.toggleLayout,
    ),
    h("span", { class: "tool-sep" }),
    button("undo", "Undo expand/collapse (Ctrl+Z)", "↶", actions.undo, !view.canUndo),
    button("redo", "Redo (Ctrl+Shift+Z)", "↷", actions.redo, !view.canRedo),
  );
}

/** Mounts the toolbar: `update()` redraws the buttons for `view()` (layout running, undo and redo possible). */
export function mountToolbar(
  container: HTMLElement,
  deps: { view: () => ToolbarView; actions: ToolbarActions },
): Panel {
  const update = () => renderToolbar(container, deps.view(), deps.actions);
  return { update, destroy: () => container.replaceChildren() };
}
