/**
 * "Add article" dialog
 * ====================
 *
 * Paste or upload articles, or give the address of an article page (the server fetches it), let the server extract them (`POST /api/articles/preview`, nothing written), review
 * what was found — people, organisations, places, meetings with their evidence sentence, roles — dropping wrong
 * items, then save (`POST /api/articles`); the graph reloads and the new nodes pulse until dismissed. A save that
 * would add no actor, no meeting and nothing for review (a pasted page of noise) needs an explicit confirmation.
 */
import type Graph from "graphology";
import type Sigma from "sigma";
import {
  type ArticlesPreview,
  type ArticlesSaved,
  type DoubtfulItem,
  MAX_ARTICLE_BYTES,
} from "../../../../contracts/ingest";
import { sendJson } from "../../api/write";
import type { Store } from "../../graph/store";
import {
  GROUP_TITLES,
  type ExtractedItem,
  type ItemGroup,
  documentCounts,
  extractedItems,
  oversizeMessage,
  withoutDropped,
} from "./add-article-model";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import { clearWriteError, showErrorText, showWriteError } from "../../ui/write-error";
import "./add-article.css";

/** What the dialog needs from the explorer. */
export interface AddArticleDeps {
  store: Store;
  graph: Graph;
  getRenderer(): Sigma | null;
  /** Reloads the network; resolves once it is drawn. */
  reload(): Promise<void>;
}

type DialogState = "input" | "extracting" | "review" | "saving" | "saved";

const GROUP_ORDER: ItemGroup[] = [
  "people",
  "organisations",
  "places",
  "meetings",
  "other-events",
  "roles",
  "agreements",
];
const MAX_FILE_BYTES = 2_000_000;

// ---------------------------------------------------------------------------------------------------------------
// Dialog
// ---------------------------------------------------------------------------------------------------------------

/** Builds the dialog and mounts it on `button` (the top bar's "Add article"), which opens it. */
export function mountAddArticle(button: HTMLElement, deps: AddArticleDeps): Panel {
  /** The rings pulsing over the nodes the last save added, until the highlight is cleared. */
  const pulse: PulseRef = { current: null };
  let files: { file: string; text: string }[] = [];
  let preview: ArticlesPreview | null = null;
  const dropped = new Set<string>();

  const textarea = h("textarea", {
    class: "article-text",
    rows: 12,
    "data-testid": "article-text",
    placeholder:
      "Paste an article here. It may start with header lines such as  date: 2024-03-05  and  source: …  followed by a blank line.",
    "aria-label": "Article text",
  });
  // The server fetches the page and reads the article out of it (a write: admin rights, as for saving).
  const urlInput = h("input", {
    type: "url",
    class: "article-url",
    "data-testid": "article-url",
    placeholder: "https://… the address of an article page",
    "aria-label": "Article URL",
  });
  const fileInput = h("input", {
    type: "file",
    accept: ".txt,text/plain",
    multiple: true,
    "data-testid": "article-files",
    "aria-label": "Upload .txt files",
  });
  const fileList = h("ul", { class: "file-list", "data-testid": "article-file-list" });
  const inputStep = h(
    "div",
    { class: "add-step" },
    h("label", { class: "url-row" }, h("span", { class: "muted small", text: "Article URL" }), urlInput),
    textarea,
    h(
      "div",
      { class: "file-row" },
      h("label", { class: "button subtle file-label" }, "Upload .txt files…", fileInput),
      fileList,
    ),
  );
  const reviewStep = h("div", { class: "add-step extracted", "data-testid": "extracted", hidden: true });
  const summary = h("p", { class: "add-summary", "data-testid": "extract-summary", role: "status" });
  // Saving an article in which nothing was found stores only its text: allowed, but only when asked for.
  const confirmEmpty = h("input", { type: "checkbox", "data-testid": "confirm-empty-save" });
  confirmEmpty.addEventListener("change", () => syncSaveButton());
  const confirmEmptyLabel = h(
    "label",
    { class: "confirm-empty", "data-testid": "confirm-empty", hidden: true },
    confirmEmpty,
    " Save the text anyway",
  );
  const errorBox = h("div", { hidden: true });
  const back = h(
    "button",
    {
      type: "button",
      class: "button subtle",
      "data-testid": "article-back",
      hidden: true,
      onclick: () => setStep("input"),
    },
    "Back",
  );
  const extract = h(
    "button",
    { type: "button", class: "button primary", "data-testid": "extract", onclick: () => void runExtract() },
    "Extract",
  );
  const save = h(
    "button",
    {
      type: "button",
      class: "button primary",
      "data-testid": "save-article",
      hidden: true,
      onclick: () => void runSave(),
    },
    "Save",
  );
  const dialog = h(
    "dialog",
    { class: "add-article", "data-testid": "add-article-dialog", "aria-labelledby": "add-article-title" },
    h(
      "header",
      { class: "dialog-head" },
      h("h2", { id: "add-article-title", text: "Add article" }),
      h(
        "button",
        {
          type: "button",
          class: "icon-button",
          "aria-label": "Close",
          "data-testid": "add-article-close",
          onclick: () => dialog.close(),
        },
        "✕",
      ),
    ),
    inputStep,
    reviewStep,
    errorBox,
    h(
      "footer",
      { class: "dialog-foot" },
      summary,
      h("span", { class: "spacer" }),
      confirmEmptyLabel,
      back,
      extract,
      save,
    ),
  );
  document.body.append(dialog);

  const setStep = (state: DialogState) => {
    dialog.dataset.state = state;
    const reviewing = state === "review" || state === "saving";
    inputStep.hidden = reviewing;
    reviewStep.hidden = !reviewing;
    back.hidden = !reviewing;
    extract.hidden = reviewing;
    save.hidden = !reviewing;
    extract.disabled = state === "extracting";
    confirmEmptyLabel.hidden = !reviewing || !findsNothing();
    syncSaveButton();
    extract.textContent = state === "extracting" ? "Extracting…" : "Extract";
    save.textContent = state === "saving" ? "Saving…" : "Save";
    if (!reviewing) summary.textContent = files.length ? `${files.length} file(s) ready` : "";
  };

  fileInput.addEventListener("change", () => void readFiles());
  // Refused before it reaches the textarea: rendering megabytes of pasted text froze the page for minutes.
  textarea.addEventListener("paste", (e) => {
    const pasted = e.clipboardData?.getData("text/plain") ?? "";
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const whole = textarea.value.slice(0, start) + pasted + textarea.value.slice(end);
    const refusal = oversizeMessage(whole, MAX_ARTICLE_BYTES);
    if (!refusal) return;
    e.preventDefault();
    showErrorText(errorBox, refusal);
  });

  async function readFiles(): Promise<void> {
    clearWriteError(errorBox);
    const chosen = [...(fileInput.files ?? [])];
    const read: { file: string; text: string }[] = [];
    for (const f of chosen) {
      if (f.size > MAX_FILE_BYTES) {
        showErrorText(errorBox, `${f.name} is ${Math.round(f.size / 1e6)} MB; articles are at most 2 MB of text.`);
        continue;
      }
      // The server accepts plain file names only; keep the name readable for the citation list.
      read.push({ file: f.name.replace(/[^\w .,()-]/g, "_").slice(0, 200) || "upload.txt", text: await f.text() });
    }
    files = read;
    fileList.replaceChildren(
      ...files.map((f) => h("li", { text: `${f.file} (${f.text.length.toLocaleString()} characters)` })),
    );
    setStep("input");
  }

  async function runExtract(): Promise<void> {
    clearWriteError(errorBox);
    const tooLong = oversizeMessage(textarea.value, MAX_ARTICLE_BYTES);
    if (tooLong) {
      showErrorText(errorBox, tooLong);
      return;
    }
    const articles = [...(textarea.value.trim() ? [{ text: textarea.value }] : []), ...files];
    const url = urlInput.value.trim();
    if (!articles.length && !url) {
      showErrorText(errorBox, "Give the URL of an article page, paste an article or choose .txt files first.");
      return;
    }
    setStep("extracting");
    try {
      preview = await sendJson<ArticlesPreview>("POST", "/api/articles/preview", {
        articles,
        ...(url ? { url } : {}),
      });
      dropped.clear();
      confirmEmpty.checked = false;
      renderReview();
      setStep("review");
    } catch (error) {
      setStep("input");
      showWriteError(errorBox, error, () => void runExtract());
    }
  }

  function renderReview(): void {
    if (!preview) return;
    const items = extractedItems(preview.document);
    const groups = GROUP_ORDER.map((g) => ({ g, list: items.filter((i) => i.group === g) })).filter(
      (x) => x.list.length,
    );
    const unsure = preview.suggestions.length
      ? h(
          "div",
          { class: "extract-note", "data-testid": "extract-suggestions" },
          h("strong", { text: "Unsure readings " }),
          `(${preview.suggestions.length}) go to the review queue after saving: `,
          preview.suggestions.map((s) => `“${s.text}” could be ${s.candidates.join(" or ")}`).join("; "),
          ".",
        )
      : null;
    // Items below the extractor's confidence threshold are not in the document: saving queues them for review.
    const doubtful = preview.doubtful.length
      ? h(
          "fieldset",
          { class: "extract-group doubtful-group", "data-group": "doubtful", "data-testid": "doubtful-items" },
          h(
            "legend",
            {},
            "Doubtful: sent to the review queue, not the graph",
            h("span", { class: "count", text: preview.doubtful.length }),
          ),
          ...preview.doubtful.map(doubtfulRow),
        )
      : null;
    reviewStep.replaceChildren(
      h("p", {
        class: "muted small",
        text:
          groups.length || doubtful
            ? "Untick anything the extractor got wrong. Dropping a person also drops them from meetings and roles."
            : "The extractor found no people, organisations, places or meetings in this text. Is it a news article?",
      }),
      ...groups.map(({ g, list }) =>
        h(
          "fieldset",
          { class: "extract-group", "data-group": g },
          h("legend", {}, GROUP_TITLES[g], h("span", { class: "count", text: list.length })),
          ...list.map(itemRow),
        ),
      ),
      ...(doubtful ? [doubtful] : []),
      ...(unsure ? [unsure] : []),
    );
    updateSummary();
  }

  function itemRow(item: ExtractedItem): HTMLElement {
    const box = h("input", {
      type: "checkbox",
      checked: !dropped.has(item.key),
      "data-testid": "drop-toggle",
      "aria-label": `Keep ${item.label}`,
    });
    box.addEventListener("change", () => {
      if (box.checked) dropped.delete(item.key);
      else dropped.add(item.key);
      syncRows();
      updateSummary();
    });
    return h(
      "label",
      { class: "extract-item", "data-testid": "extracted-item", "data-key": item.key, "data-group": item.group },
      box,
      h(
        "span",
        { class: "item-body" },
        h("span", { class: "item-label", text: item.label }),
        item.detail ? h("span", { class: "item-detail", text: item.detail }) : null,
        item.quote ? h("q", { class: "item-quote", "data-testid": "item-quote", text: item.quote }) : null,
      ),
    );
  }

  /** A doubtful item: shown, marked, not savable from here (the review queue decides it). */
  function doubtfulRow(item: DoubtfulItem): HTMLElement {
    return h(
      "div",
      {
        class: "extract-item doubtful",
        "data-testid": "doubtful-item",
        "data-kind": item.kind,
        title: `The extractor's confidence is ${item.confidence.toFixed(2)}, below ${preview?.threshold ?? 0.5}.`,
      },
      h("span", { class: "doubtful-mark", "aria-hidden": "true", text: "?" }),
      h(
        "span",
        { class: "item-body" },
        h("span", { class: "item-label", text: item.label }),
        h("span", { class: "item-detail", text: `doubtful ${item.kind} · ${item.detail}` }),
        item.quote ? h("q", { class: "item-quote", text: item.quote }) : null,
      ),
    );
  }

  /** Marks rows whose item the cascade removes (a meeting whose people were all dropped) without unticking them. */
  function syncRows(): void {
    if (!preview) return;
    const doc = withoutDropped(preview.document, dropped);
    const keptNodes = new Set((doc.nodes ?? []).map((n) => n.id));
    const keptRoles = new Set((doc.roles ?? []).map((r) => `${r.person}|${r.title}|${r.of}`));
    const roleIds = (preview.document.roles ?? []).map((r) => `${r.person}|${r.title}|${r.of}`);
    for (const row of reviewStep.querySelectorAll<HTMLElement>("[data-key]")) {
      const key = row.dataset.key!;
      const kept = key.startsWith("role:") ? keptRoles.has(roleIds[Number(key.slice(5))] ?? "") : keptNodes.has(key);
      row.classList.toggle("dropped", !kept);
      row.dataset.kept = String(kept);
    }
  }

  /** True when saving would add no actor, no meeting and nothing for the review queue. */
  function findsNothing(): boolean {
    if (!preview) return false;
    const { actors, meetings } = documentCounts(withoutDropped(preview.document, dropped));
    return actors === 0 && meetings === 0 && preview.doubtful.length === 0;
  }

  /** Save is off while saving, and for an article in which nothing was found until the user confirms. */
  function syncSaveButton(): void {
    save.disabled = dialog.dataset.state === "saving" || (findsNothing() && !confirmEmpty.checked);
  }

  function updateSummary(): void {
    if (!preview) return;
    const { actors, meetings } = documentCounts(withoutDropped(preview.document, dropped));
    const empty = findsNothing();
    dialog.dataset.empty = String(empty);
    summary.textContent = empty
      ? `Nothing was found: no actors, meetings or doubtful items${dropped.size ? ` (${dropped.size} dropped)` : ""}. Saving would store only the text.`
      : `Will save ${actors} actor${actors === 1 ? "" : "s"} and ${meetings} meeting${meetings === 1 ? "" : "s"}${dropped.size ? ` · ${dropped.size} dropped` : ""}`;
    confirmEmptyLabel.hidden = !empty || reviewStep.hidden;
    if (!empty) confirmEmpty.checked = false;
    syncSaveButton();
  }

  async function runSave(): Promise<void> {
    if (!preview || (findsNothing() && !confirmEmpty.checked)) return;
    clearWriteError(errorBox);
    setStep("saving");
    const document = withoutDropped(preview.document, dropped);
    try {
      const saved = await sendJson<ArticlesSaved>("POST", "/api/articles", { document });
      setStep("saved");
      dialog.close();
      await showNew(deps, pulse, saved.nodeIds, {
        ...documentCounts(document),
        joined: saved.summary.joinedReports ?? 0,
      });
    } catch (error) {
      setStep("review");
      showWriteError(errorBox, error, () => void runSave());
    }
  }

  const open = () => {
    clearWriteError(errorBox);
    if (dialog.dataset.state === "saved" || !dialog.dataset.state) {
      textarea.value = "";
      fileInput.value = "";
      files = [];
      fileList.replaceChildren();
      preview = null;
      setStep("input");
    }
    dialog.showModal();
    textarea.focus();
  };
  button.addEventListener("click", open);
  return {
    update: () => {},
    destroy: () => {
      button.removeEventListener("click", open);
      pulse.current?.stop();
      dialog.remove();
      document.getElementById("add-article-notice")?.remove();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// After saving: highlight what is new
// ---------------------------------------------------------------------------------------------------------------

/** The running pulse of rings, if any. */
interface PulseRef {
  current: { stop(): void } | null;
}

/** Reloads the graph, then marks the saved nodes (store `highlight`, reducers) and pulses rings around them. */
async function showNew(
  deps: AddArticleDeps,
  pulse: PulseRef,
  nodeIds: string[],
  counts: { actors: number; meetings: number; joined?: number },
): Promise<void> {
  await deps.reload();
  const present = new Set(nodeIds.filter((id) => deps.graph.hasNode(id)));
  deps.store.set({ highlight: present });
  deps.getRenderer()?.refresh({ skipIndexation: true });
  pulse.current?.stop();
  pulse.current = startPulse(deps, present);
  const hidden = nodeIds.length - present.size;
  const notice = noticeElement();
  notice.hidden = false;
  notice.replaceChildren(
    h("span", {
      "data-testid": "add-article-status",
      // A meeting the graph already held is not a new one: its report joined that event (server import.reports.ts).
      text: `Added ${counts.actors} actor${counts.actors === 1 ? "" : "s"}, ${counts.meetings} meeting${counts.meetings === 1 ? "" : "s"}${counts.joined ? ` (${counts.joined} joined a meeting already in the graph)` : ""}${present.size ? ` · ${present.size} shown highlighted` : ""}${hidden ? ` (${hidden} not in this view)` : ""}`,
    }),
    h(
      "button",
      {
        type: "button",
        class: "link small",
        "data-testid": "clear-highlight",
        onclick: () => {
          pulse.current?.stop();
          pulse.current = null;
          deps.store.set({ highlight: null });
          deps.getRenderer()?.refresh({ skipIndexation: true });
          notice.hidden = true;
        },
      },
      "Clear highlight",
    ),
  );
}

function noticeElement(): HTMLElement {
  let notice = document.getElementById("add-article-notice");
  if (!notice) {
    notice = h("div", {
      id: "add-article-notice",
      class: "add-notice",
      role: "status",
      "aria-live": "polite",
      hidden: true,
    });
    (document.querySelector(".stage") ?? document.body).append(notice);
  }
  return notice;
}

/** Rings over the highlighted nodes, kept in place on every sigma render; CSS animates the pulse. */
function startPulse(deps: AddArticleDeps, ids: Set<string>): { stop(): void } {
  const renderer = deps.getRenderer();
  if (!renderer || !ids.size) return { stop: () => undefined };
  const container = renderer.getContainer();
  const layer = h("div", { class: "pulse-layer", "aria-hidden": "true", "data-testid": "pulse-layer" });
  container.append(layer);
  const rings = new Map([...ids].map((id) => [id, h("span", { class: "pulse-ring", "data-node": id })]));
  layer.append(...rings.values());
  const place = () => {
    for (const [id, ring] of rings) {
      const data = renderer.getNodeDisplayData(id);
      if (!data || data.hidden) {
        ring.hidden = true;
        continue;
      }
      const { x, y } = renderer.framedGraphToViewport(data);
      // Display sizes are in framed-graph units; scaleSize turns them into pixels at the current zoom.
      const r = renderer.scaleSize(data.size) + 6;
      ring.hidden = false;
      ring.style.transform = `translate(${x - r}px, ${y - r}px)`;
      ring.style.width = ring.style.height = `${2 * r}px`;
    }
  };
  renderer.on("afterRender", place);
  place();
  return {
    stop: () => {
      renderer.off("afterRender", place);
      layer.remove();
    },
  };
}
