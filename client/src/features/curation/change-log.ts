/**
 * Node change log
 * ===============
 *
 * The audit log of one node in its panel (`GET /api/nodes/:id/history`): who changed what, when and why, a short
 * before → after summary, and a "Revert" button per change (`POST /api/changes/:id/revert`, admin only).
 */
import type { ChangeView, GraphState, NodeState } from "../../../../contracts/curation";
import { errorMessage, getJson } from "../../api/client";
import { sendJson } from "../../api/write";
import { h } from "../../ui/dom";
import { showWriteError } from "../../ui/write-error";

/** What the history asks of the explorer after a revert. */
export interface HistoryDeps {
  /** A change was reverted: reload and show the node again (`select`, when the revert moved it). */
  changed(select?: string | null): void | Promise<void>;
}

/** Properties worth a line in the summary (others, such as timestamps, would be noise). */
const SHOWN_PROPS = ["name", "aliases", "kind", "description", "summary", "date", "datePrecision", "status"];

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** One line per difference between a subject's state before and after: created/removed, fields, link counts. */
export function summarizeChange(before: GraphState | null, after: GraphState | null): string[] {
  const lines: string[] = [];
  const ids = [...new Set([...(before?.nodes ?? []), ...(after?.nodes ?? [])].map((n) => n.id))];
  const find = (state: GraphState | null, id: string): NodeState | undefined => state?.nodes.find((n) => n.id === id);
  for (const id of ids) {
    const b = find(before, id);
    const a = find(after, id);
    const name = String(a?.props?.name ?? b?.props?.name ?? id);
    if (b?.exists && !a?.exists) {
      lines.push(`${name}: removed`);
      continue;
    }
    if (!b?.exists && a?.exists) {
      lines.push(`${name}: created`);
      continue;
    }
    for (const key of SHOWN_PROPS) {
      const x = b?.props?.[key] ?? b?.temporals?.[key];
      const y = a?.props?.[key] ?? a?.temporals?.[key];
      if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null))
        lines.push(`${name} · ${key}: ${show(x)} → ${show(y)}`);
    }
    for (const key of ["dateStart"]) {
      const x = b?.temporals?.[key];
      const y = a?.temporals?.[key];
      if (x !== y) lines.push(`${name} · date: ${show(x)} → ${show(y)}`);
    }
    const links = (n: NodeState | undefined) => (n?.rels ?? []).filter((r) => r.otherLabel !== "Evidence").length;
    const evidence = (n: NodeState | undefined) => (n?.rels ?? []).filter((r) => r.otherLabel === "Evidence").length;
    if (links(b) !== links(a)) lines.push(`${name} · links: ${links(b)} → ${links(a)}`);
    if (evidence(b) !== evidence(a)) lines.push(`${name} · citations: ${evidence(b)} → ${evidence(a)}`);
  }
  const rejected = (s: GraphState | null) => (s?.evidence ?? []).filter((e) => e.status === "rejected").length;
  if (rejected(before) !== rejected(after))
    lines.push(`evidence marked rejected: ${rejected(before)} → ${rejected(after)}`);
  return lines;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
};

function changeItem(c: ChangeView, reload: () => void, deps: HistoryDeps): HTMLElement {
  const errorBox = h("div", { hidden: true });
  const revert = h(
    "button",
    {
      type: "button",
      class: "link small",
      "data-testid": "history-revert",
      disabled: c.revertedBy !== null,
      title: c.revertedBy ? `Reverted by ${c.revertedBy}` : "Put back the state before this change",
      onclick: () => {
        revert.disabled = true;
        void sendJson<ChangeView>("POST", `/api/changes/${encodeURIComponent(c.id)}/revert`, {
          reason: `Revert of ${c.action} ${c.id} from the explorer`,
        })
          .then(async () => {
            await deps.changed();
            reload();
          })
          .catch((error: unknown) => {
            revert.disabled = false;
            showWriteError(errorBox, error, () => revert.click());
          });
      },
    },
    c.revertedBy ? "Reverted" : "Revert",
  );
  const lines = summarizeChange(c.before, c.after);
  return h(
    "li",
    {
      class: "history-item",
      "data-testid": "history-item",
      "data-change": c.id,
      "data-action": c.action,
      "data-reverted": String(c.revertedBy !== null),
    },
    h(
      "div",
      { class: "history-head" },
      h("span", { class: "history-action", text: c.revertOf ? `revert (${c.action})` : c.action }),
      h("span", { class: "muted small", text: `${c.by} · ${when(c.at)}` }),
      revert,
    ),
    h("div", { class: "history-reason", text: c.reason }),
    lines.length
      ? h(
          "ul",
          { class: "small" },
          ...lines.slice(0, 8).map((l) => h("li", { text: l })),
          lines.length > 8 ? h("li", { class: "muted", text: `… ${lines.length - 8} more` }) : null,
        )
      : null,
    errorBox,
  );
}

/** A "History" section that loads the node's changes, newest first. */
export function renderHistory(id: string, deps: HistoryDeps): HTMLElement {
  const body = h(
    "div",
    { "data-testid": "history", "data-state": "loading" },
    h("span", { class: "muted small", text: "Loading history…" }),
  );
  const load = () => {
    body.dataset.state = "loading";
    void getJson<{ id: string; changes: ChangeView[] }>(`/api/nodes/${encodeURIComponent(id)}/history`)
      .then(({ changes }) => {
        body.replaceChildren(
          changes.length
            ? h("ul", { class: "history-list" }, ...changes.map((c) => changeItem(c, load, deps)))
            : h("p", {
                class: "muted small",
                "data-testid": "history-empty",
                text: "No changes by hand yet: this is as imported.",
              }),
        );
        body.dataset.state = "ready";
      })
      .catch((error: unknown) => {
        body.replaceChildren(
          h("p", {
            class: "muted small",
            text: errorMessage(error, "The history could not be loaded."),
          }),
        );
        body.dataset.state = "error";
      });
  };
  load();
  return h("div", { class: "history" }, h("h4", { class: "history-title", text: "History" }), body);
}
