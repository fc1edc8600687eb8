/**
 * Curation in the node panel
 * ==========================
 *
 * "Edit", "Merge into…", "Split a report off…" (events several articles report) and "Delete" for the node shown
 * in the details panel, each in a dialog that asks why (the reason goes to the audit log), plus the node's change
 * log (change-log.ts). Writes are admin-only: a 401/403 answer is explained in the dialog with a field for the
 * admin token.
 */
import type { NodeDetailsDto, NodeRef } from "../../../../contracts/api";
import type { ChangeView } from "../../../../contracts/curation";
import {
  ACTOR_TYPES,
  DATE_PRECISIONS,
  DEFAULT_KINDS,
  NODE_TYPES,
  type NodeType,
} from "../../../../contracts/vocabulary";
import { errorMessage } from "../../api/client";
import { fetchNode, fetchSearch } from "../../api/endpoints";
import { sendJson } from "../../api/write";
import { h } from "../../ui/dom";
import { renderHistory } from "./change-log";
import { clearWriteError, showErrorText, showWriteError } from "../../ui/write-error";
import "./curation.css";

/** What curation asks of the explorer after a change. */
export interface CurationDeps {
  /**
   * A change was saved: reload the network and show `select` (the node that now stands for the subject), or close
   * the panel when null (a deleted node).
   */
  changed(select: string | null): void | Promise<void>;
}

/** Actor categories: the ones that can be merged (events and agreements are edited or deleted only). */
const MERGEABLE = new Set<string>(ACTOR_TYPES);
const EDITABLE = new Set<string>(NODE_TYPES);

// ---------------------------------------------------------------------------------------------------------------
// Panel section
// ---------------------------------------------------------------------------------------------------------------

/** The curation controls and history for a node's panel. */
export function renderCuration(d: NodeDetailsDto, deps: CurationDeps): HTMLElement {
  const buttons = h(
    "div",
    { class: "details-actions curation-actions" },
    EDITABLE.has(d.category)
      ? h(
          "button",
          { type: "button", class: "button", "data-testid": "curate-edit", onclick: () => openEdit(d, deps) },
          "Edit",
        )
      : null,
    MERGEABLE.has(d.category)
      ? h(
          "button",
          { type: "button", class: "button", "data-testid": "curate-merge", onclick: () => openMerge(d, deps) },
          "Merge into…",
        )
      : null,
    // An event several articles report: one of them may be about another meeting after all.
    d.event && d.event.reports.length > 1
      ? h(
          "button",
          {
            type: "button",
            class: "button",
            "data-testid": "curate-split-report",
            onclick: () => openSplitReport(d, deps),
          },
          "Split a report off…",
        )
      : null,
    h(
      "button",
      { type: "button", class: "button danger", "data-testid": "curate-delete", onclick: () => openDelete(d, deps) },
      "Delete",
    ),
  );
  return h(
    "section",
    { class: "details-section curation", "data-testid": "curation" },
    h("h3", {}, "Curation"),
    buttons,
    renderHistory(d.id, { changed: (select) => deps.changed(select ?? d.id) }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Dialog scaffolding
// ---------------------------------------------------------------------------------------------------------------

interface DialogParts {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  errorBox: HTMLElement;
  submit: HTMLButtonElement;
  reason: HTMLTextAreaElement;
}

/** A modal with a title, a body, a required reason, an error box and Cancel / submit buttons; removed on close. */
function modal(
  title: string,
  testid: string,
  submitLabel: string,
  onSubmit: (parts: DialogParts) => Promise<void>,
  danger = false,
): DialogParts {
  const body = h("div", { class: "dialog-body" });
  const reason = h("textarea", {
    rows: 2,
    required: true,
    minlength: 3,
    "data-testid": "curate-reason",
    placeholder: "Why? (kept in the audit log)",
    "aria-label": "Reason for this change",
  });
  const errorBox = h("div", { hidden: true });
  const submit = h(
    "button",
    { type: "submit", class: danger ? "button danger" : "button primary", "data-testid": "curate-submit" },
    submitLabel,
  );
  const form = h(
    "form",
    // The reason check below explains itself in the dialog, which the browser's own validation bubble would not.
    { method: "dialog", novalidate: true },
    h(
      "header",
      { class: "dialog-head" },
      h("h2", { text: title }),
      h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => dialog.close() }, "✕"),
    ),
    body,
    h("div", { class: "dialog-body reason-row" }, h("label", { class: "form-label" }, "Reason ", reason)),
    errorBox,
    h(
      "footer",
      { class: "dialog-foot" },
      h("span", { class: "spacer" }),
      h(
        "button",
        { type: "button", class: "button subtle", "data-testid": "curate-cancel", onclick: () => dialog.close() },
        "Cancel",
      ),
      submit,
    ),
  );
  const dialog = h("dialog", { class: "parley-dialog curation-dialog", "data-testid": testid }, form);
  const parts = { dialog, body, errorBox, submit, reason };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (reason.value.trim().length < 3) {
      showErrorText(errorBox, "Say why in a few words: the reason is kept in the audit log.");
      reason.focus();
      return;
    }
    clearWriteError(errorBox);
    submit.disabled = true;
    dialog.dataset.state = "saving";
    void onSubmit(parts)
      .then(() => dialog.close())
      .catch((error: unknown) => {
        dialog.dataset.state = "error";
        showWriteError(errorBox, error, () => form.requestSubmit());
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.dataset.state = "open";
  dialog.showModal();
  return parts;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement[] {
  const id = `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return [h("label", { for: id, text: label }), control, ...(hint ? [h("span", { class: "hint", text: hint })] : [])];
}

const splitList = (value: string) =>
  value
    .split(/[\n,;]/)
    .map((x) => x.trim())
    .filter(Boolean);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

// ---------------------------------------------------------------------------------------------------------------
// Edit
// ---------------------------------------------------------------------------------------------------------------

function openEdit(d: NodeDetailsDto, deps: CurationDeps): void {
  const isEvent = d.category === "event";
  const name = h("input", { type: "text", value: d.label, required: true, "data-testid": "edit-name" });
  const aliases = h("textarea", { rows: 2, "data-testid": "edit-aliases" });
  aliases.value = d.aliases.join("\n");
  const kinds = DEFAULT_KINDS[d.category as NodeType] ?? [];
  const listId = `kinds-${d.id}`;
  const kind = h("input", {
    type: "text",
    value: d.kind,
    list: listId,
    pattern: "[a-z][a-z0-9_]*",
    "data-testid": "edit-kind",
  });
  const kindList = h("datalist", { id: listId }, ...kinds.map((k) => h("option", { value: k })));
  const description = h("textarea", { rows: 3, "data-testid": "edit-description" });
  description.value = d.description ?? "";
  const rows: HTMLElement[] = [
    ...field("Name", name),
    ...field("Aliases", aliases, "One per line"),
    ...field("Kind", kind, kinds.length ? `e.g. ${kinds.slice(0, 4).join(", ")}` : undefined),
    kindList,
    ...field("Description", description),
  ];
  const event = d.event;
  const date = h("input", {
    type: "text",
    value: event?.date ?? d.date ?? "",
    placeholder: "YYYY, YYYY-MM or YYYY-MM-DD",
    pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
    "data-testid": "edit-date",
  });
  const precision = h(
    "select",
    { "data-testid": "edit-precision" },
    ...DATE_PRECISIONS.map((p) => h("option", { value: p, text: p })),
  );
  precision.value = event?.datePrecision ?? d.datePrecision ?? "day";
  // The server checks that the precision matches how far the date is written; follow the date as it is typed.
  date.addEventListener("input", () => {
    const parts = date.value.trim().split("-").length;
    if (/^\d{4}(-\d{2}){0,2}$/.test(date.value.trim())) precision.value = DATE_PRECISIONS[parts - 1]!;
  });
  const place = h("input", {
    type: "text",
    value: event?.place?.id ?? "",
    placeholder: "place id, e.g. baghdad",
    "data-testid": "edit-place",
  });
  const topics = h("input", {
    type: "text",
    value: (event?.topics ?? []).map((t) => t.id).join(", "),
    placeholder: "topic ids, comma separated",
    "data-testid": "edit-topics",
  });
  if (isEvent)
    rows.push(
      ...field("Date", date),
      ...field("Precision", precision),
      ...field("Place", place, "The id of a place or country"),
      ...field("Topics", topics, "Topic ids, comma separated"),
    );
  const { body } = modal(`Edit ${d.label}`, "edit-dialog", "Save changes", async ({ reason }) => {
    const patch: Record<string, unknown> = { reason: reason.value.trim() };
    if (name.value.trim() !== d.label) patch.name = name.value.trim();
    if (!sameList(splitList(aliases.value), d.aliases)) patch.aliases = splitList(aliases.value);
    if (kind.value.trim() && kind.value.trim() !== d.kind) patch.kind = kind.value.trim();
    if (description.value.trim() !== (d.description ?? "")) patch.description = description.value.trim() || null;
    if (isEvent) {
      const was = event?.date ?? d.date ?? "";
      if (date.value.trim() !== was || precision.value !== (event?.datePrecision ?? d.datePrecision ?? "day")) {
        patch.date = date.value.trim() || null;
        if (date.value.trim()) patch.datePrecision = precision.value;
      }
      if (place.value.trim() !== (event?.place?.id ?? "")) patch.place = place.value.trim() || null;
      const newTopics = splitList(topics.value);
      if (
        !sameList(
          newTopics,
          (event?.topics ?? []).map((t) => t.id),
        )
      )
        patch.topics = newTopics;
    }
    if (Object.keys(patch).length === 1) throw new Error("Nothing was changed.");
    await sendJson<ChangeView>("PATCH", `/api/nodes/${encodeURIComponent(d.id)}`, patch);
    await deps.changed(d.id);
  });
  body.append(h("div", { class: "form-grid" }, ...rows));
}

// ---------------------------------------------------------------------------------------------------------------
// Merge
// ---------------------------------------------------------------------------------------------------------------

function summaryCard(n: NodeDetailsDto | NodeRef, role: string): HTMLElement {
  const full = "aliases" in n ? n : null;
  return h(
    "div",
    { class: "merge-card", "data-testid": `merge-${role}` },
    h("div", { class: "muted small", text: role === "keep" ? "Kept" : "Merged into it (removed)" }),
    h("strong", { text: n.label }),
    h("div", { class: "muted small", text: `${n.category} · ${n.kind.replace(/_/g, " ")} · ${n.id}` }),
    full?.aliases.length ? h("div", { class: "small", text: `Also: ${full.aliases.join(" · ")}` }) : null,
    full
      ? h("div", {
          class: "small",
          text: `${full.events.length} events, ${full.roles.length} roles, ${full.evidence.length} citations`,
        })
      : null,
  );
}

function openMerge(d: NodeDetailsDto, deps: CurationDeps): void {
  let target: NodeDetailsDto | null = null;
  const search = h("input", {
    type: "search",
    placeholder: "Search the actor to keep…",
    autocomplete: "off",
    "data-testid": "merge-search",
    "aria-label": "Actor to merge into",
  });
  const hits = h("ul", { class: "merge-hits", "data-testid": "merge-hits", role: "listbox" });
  const confirm = h("div", { class: "merge-confirm", "data-testid": "merge-confirm", hidden: true });
  const parts = modal(`Merge ${d.label} into…`, "merge-dialog", "Merge", async ({ reason }) => {
    if (!target) throw new Error("Pick the actor to merge into first.");
    await sendJson<ChangeView>("POST", "/api/curation/merge", {
      keep: target.id,
      merge: d.id,
      reason: reason.value.trim(),
    });
    await deps.changed(target.id);
  });
  parts.submit.disabled = true;
  let seq = 0;
  search.addEventListener("input", () => {
    const q = search.value.trim();
    const mine = ++seq;
    if (q.length < 2) return hits.replaceChildren();
    void fetchSearch(q)
      .then((res) => {
        if (mine !== seq) return;
        const list = res.results.filter((r) => r.id !== d.id && MERGEABLE.has(r.category));
        hits.replaceChildren(
          ...(list.length
            ? list.slice(0, 8).map((r) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    {
                      type: "button",
                      class: "link",
                      "data-testid": "merge-hit",
                      "data-node": r.id,
                      onclick: () => void pick(r),
                    },
                    r.label,
                  ),
                  h("span", { class: "muted small", text: ` ${r.kind.replace(/_/g, " ")} · ${r.id}` }),
                ),
              )
            : [h("li", { class: "muted", text: "No other actor matches." })]),
        );
      })
      .catch((error: unknown) => showErrorText(parts.errorBox, errorMessage(error, "Search failed.")));
  });
  async function pick(ref: NodeRef): Promise<void> {
    try {
      target = await fetchNode(ref.id);
    } catch (error) {
      showErrorText(parts.errorBox, errorMessage(error, "That actor could not be loaded."));
      return;
    }
    hits.replaceChildren();
    confirm.hidden = false;
    confirm.replaceChildren(
      h(
        "div",
        { class: "merge-pair" },
        summaryCard(d, "merged"),
        h("span", { class: "merge-arrow", text: "→" }),
        summaryCard(target, "keep"),
      ),
      h("p", {
        class: "small",
        text: `${target.label} keeps its id and gains “${d.label}” and its aliases as aliases, with all roles, events, evidence and meeting links. The merge is in the history and can be reverted.`,
      }),
    );
    parts.submit.disabled = false;
    parts.reason.focus();
  }
  parts.body.append(search, hits, confirm);
  search.focus();
}

// ---------------------------------------------------------------------------------------------------------------
// Delete
// ---------------------------------------------------------------------------------------------------------------

/** Moves one article's report of the event into an event of its own (`POST /api/curation/split-report`). */
function openSplitReport(d: NodeDetailsDto, deps: CurationDeps): void {
  const reports = d.event?.reports ?? [];
  const article = h(
    "select",
    { "data-testid": "split-report-article", "aria-label": "Report to split off" },
    ...reports.map((r) =>
      h("option", { value: r.article.id }, [r.article.title, r.article.publisher].filter(Boolean).join(" · ")),
    ),
  );
  const parts = modal(`Split a report off ${d.label}`, "split-report-dialog", "Split off", async ({ reason }) => {
    await sendJson<ChangeView>("POST", "/api/curation/split-report", {
      event: d.id,
      article: article.value,
      reason: reason.value.trim(),
    });
    await deps.changed(d.id);
  });
  parts.body.append(
    h("div", { class: "form-grid" }, ...field("Report", article)),
    h("p", {
      class: "small muted",
      text: "The article's citations move to an event of its own, dated and placed as the article says. The split is in the audit log and can be reverted.",
    }),
  );
}

function openDelete(d: NodeDetailsDto, deps: CurationDeps): void {
  const parts = modal(
    `Delete ${d.label}?`,
    "delete-dialog",
    "Delete",
    async ({ reason }) => {
      await sendJson<ChangeView>("DELETE", `/api/nodes/${encodeURIComponent(d.id)}`, { reason: reason.value.trim() });
      await deps.changed(null);
    },
    true,
  );
  parts.body.append(
    h("p", { text: `${d.label} (${d.category}, ${d.id}) and its links will be removed from the graph.` }),
    h("p", {
      class: "small muted",
      text: "Its evidence stays with the articles, marked as rejected, so re-ingesting an article does not bring it back. The deletion is in the audit log and can be reverted.",
    }),
  );
}
