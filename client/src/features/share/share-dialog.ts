/**
 * Share dialog
 * ============
 *
 * The "Share" button: asks for a title and a note, stores the current view as an immutable snapshot (graph with
 * positions, filters or query, time window, selection, camera, styling and the canvas size) and shows its
 * `/s/:id` link with a copy button and the embed snippet.
 */
import type Sigma from "sigma";
import { errorMessage } from "../../api/client";
import type { ExplorerHost } from "../../controllers/explorer-host";
import { type SnapshotState, cameraOf, embedSnippet, shareSnapshot } from "./share";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "./share.css";

/**
 * Where the canvas looked and how big it was, so a snapshot page of another size can show the same region at the
 * same scale (see snapshot-mode.ts `fitStoredViewport`).
 */
export interface StoredViewport {
  width: number;
  height: number;
  /** Graph coordinates at the canvas centre. */
  center: { x: number; y: number };
  /** Graph units per screen pixel. */
  unitsPerPixel: number;
}

/** The canvas size, centre and scale of a sigma instance. */
export function viewportOf(sigma: Sigma): StoredViewport {
  const { width, height } = sigma.getDimensions();
  const center = sigma.viewportToGraph({ x: width / 2, y: height / 2 });
  const right = sigma.viewportToGraph({ x: width / 2 + 100, y: height / 2 });
  return { width, height, center, unitsPerPixel: Math.hypot(right.x - center.x, right.y - center.y) / 100 };
}

/** The snapshot `state` of the explorer right now: how the view was made, and how it looks. */
export function snapshotStateOf(host: ExplorerHost): SnapshotState {
  const { view, filters, time, selectedNode, selectedEdge, sizeBy, colorBy, theme, asOf } = host.store.state;
  const renderer = host.renderer();
  const source = host.store.state.source;
  const state: SnapshotState = {
    view,
    timeWindow: { from: time.from, to: time.to },
    selection: selectedNode ? [selectedNode] : selectedEdge ? { edge: selectedEdge } : [],
    styling: { sizeBy, colorBy, theme },
    // The day whose record the view showed ("As known on"); none for today's.
    ...(asOf ? { asOf } : {}),
  };
  // "Open live" re-runs filters; a view made by a query or from a file records that instead.
  if (source.kind === "database" || (source.kind === "query" && source.added)) {
    state.filters = {
      view,
      ...filters,
      ...(time.from ? { from: time.from } : {}),
      ...(time.to ? { to: time.to } : {}),
    };
  }
  if (source.kind === "query") state.query = { text: source.query, params: source.params as never };
  if (source.kind === "file") state.file = { name: source.name, format: source.format };
  if (renderer) {
    state.camera = cameraOf(renderer);
    state.viewport = viewportOf(renderer) as never;
  }
  return state;
}

/** Mounts the Share button in the top bar's `topbarSlot`, and its dialog. */
export function mountShareDialog(topbarSlot: HTMLElement, host: ExplorerHost): Panel {
  const button = h("button", {
    type: "button",
    class: "top-button",
    "data-testid": "share-button",
    title: "Share this view as a link that never changes",
    text: "Share",
  });
  topbarSlot.append(button);

  const title = h("input", {
    type: "text",
    maxlength: 200,
    "data-testid": "share-title",
    placeholder: "e.g. Meetings in Erbil, January 2018",
  });
  const note = h("textarea", {
    rows: 3,
    maxlength: 5000,
    "data-testid": "share-note",
    placeholder: "What this view shows (optional)",
  });
  const error = h("p", { class: "error-text", "data-testid": "share-error", role: "alert", hidden: true });
  const create = h("button", {
    type: "submit",
    class: "button primary",
    "data-testid": "share-create",
    text: "Create link",
  });
  const link = h("input", {
    type: "text",
    readonly: true,
    "data-testid": "share-link",
    "aria-label": "Link to the snapshot",
  });
  const snippet = h("textarea", {
    rows: 3,
    readonly: true,
    "data-testid": "share-embed",
    "aria-label": "Embed snippet",
  });
  const openLink = h("a", { target: "_blank", rel: "noopener", "data-testid": "share-open", text: "Open" });
  const copy = (from: HTMLInputElement | HTMLTextAreaElement, testid: string) =>
    h("button", {
      type: "button",
      class: "button",
      "data-testid": testid,
      text: "Copy",
      onclick: (event) => void copyText(from, event.currentTarget as HTMLButtonElement),
    });
  const result = h(
    "div",
    { class: "share-result", "data-testid": "share-result", hidden: true },
    h(
      "label",
      { class: "share-field" },
      h("span", { text: "Link (read-only, never changes)" }),
      h("span", { class: "share-row" }, link, copy(link, "share-copy"), openLink),
    ),
    h(
      "label",
      { class: "share-field" },
      h("span", { text: "Embed in a web page" }),
      h("span", { class: "share-row" }, snippet, copy(snippet, "share-copy-embed")),
    ),
  );
  const form = h(
    "form",
    { method: "dialog", class: "share-form" },
    h("h2", { text: "Share this view" }),
    h("p", {
      class: "muted small",
      text: "The graph on screen, its layout, filters, selection and camera are stored as they are now.",
    }),
    h("label", { class: "share-field" }, h("span", { text: "Title" }), title),
    h("label", { class: "share-field" }, h("span", { text: "Note" }), note),
    error,
    h(
      "div",
      { class: "share-actions" },
      create,
      h("button", {
        type: "button",
        class: "button subtle",
        "data-testid": "share-close",
        text: "Close",
        onclick: () => dialog.close(),
      }),
    ),
    result,
  );
  const dialog = h(
    "dialog",
    { class: "share-dialog", "data-testid": "share-dialog", "aria-label": "Share this view" },
    form,
  );
  document.body.append(dialog);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });

  async function submit(): Promise<void> {
    error.hidden = true;
    create.disabled = true;
    create.textContent = "Creating…";
    try {
      const shared = await shareSnapshot(host.graph, snapshotStateOf(host), { title: title.value, note: note.value });
      link.value = shared.absoluteUrl;
      openLink.setAttribute("href", shared.url);
      snippet.value = embedSnippet(shared.absoluteUrl);
      result.hidden = false;
      dialog.dataset.snapshotId = shared.id;
      link.select();
    } catch (err) {
      error.textContent = errorMessage(err, "The view could not be shared.");
      error.hidden = false;
    } finally {
      create.disabled = false;
      create.textContent = "Create link";
    }
  }

  button.addEventListener("click", () => {
    result.hidden = true;
    error.hidden = true;
    delete dialog.dataset.snapshotId;
    if (host.graph.order === 0) {
      error.textContent = "There is nothing on screen to share.";
      error.hidden = false;
    }
    dialog.showModal();
    title.focus();
  });
  return { update: () => {}, destroy: () => (button.remove(), dialog.remove()) };
}

/** Copies a field's text (clipboard API, else the selection), and says so on the button for a moment. */
async function copyText(from: HTMLInputElement | HTMLTextAreaElement, button: HTMLButtonElement): Promise<void> {
  from.select();
  try {
    await navigator.clipboard.writeText(from.value);
  } catch {
    // Without clipboard permission (http, iframes): the older command still copies the selection.
    document.execCommand("copy");
  }
  button.textContent = "Copied";
  setTimeout(() => (button.textContent = "Copy"), 1500);
}
