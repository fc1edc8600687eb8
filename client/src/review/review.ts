/**
 * Review page
 * ===========
 *
 * The `/review` page: the extractor's unsure readings (`GET /api/suggestions`), each beside the article passage it
 * comes from (`GET /api/articles/:id`, sliced at the mention's offsets), accepted with a chosen candidate or
 * rejected in one click (`POST /api/suggestions/:id/accept|reject`, admin only). Readiness: `body.dataset.ready`.
 */
import type { ArticleDto } from "../../../contracts/api";
import type { SuggestionDecision, SuggestionDto } from "../../../contracts/curation";
import { errorMessage, getJson } from "../api/client";
import { sendJson } from "../api/write";
import { sourceNote } from "../features/details/source-note";
import { h } from "../ui/dom";
import { showWriteError } from "../ui/write-error";
import { type Passage, passageAround } from "./passage";
import "../styles.css";
import "./review.css";

const STATUSES = ["open", "accepted", "rejected"] as const;
type Status = (typeof STATUSES)[number];

const root = document.getElementById("review")!;
const articles = new Map<string, Promise<ArticleDto | null>>();
let status: Status = "open";

// ---------------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------------

/** The article's text, fetched once per article (null when it is not stored). */
function article(id: string): Promise<ArticleDto | null> {
  let found = articles.get(id);
  if (!found) {
    found = getJson<ArticleDto>(`/api/articles/${encodeURIComponent(id)}`).catch(() => null);
    articles.set(id, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Cards
// ---------------------------------------------------------------------------------------------------------------

function passageView(p: Passage): HTMLElement {
  return h(
    "blockquote",
    { class: "passage", "data-testid": "review-passage" },
    p.before ? `${p.lead ? "…" : ""}${p.before}` : "",
    h("mark", { text: p.mention }),
    `${p.after}${p.tail ? "…" : ""}`,
  );
}

function question(s: SuggestionDto): string {
  if (s.kind === "low-confidence")
    return `The extractor was unsure of ${s.text} and kept it out of the graph. Is it right?`;
  if (s.kind === "ambiguous-place") return `Which “${s.text}” is this place? The map leaves it out until you say.`;
  return s.kind === "possible-same-person"
    ? `Are these the same actor, written “${s.text}”?`
    : `Who is “${s.text}” in this passage?`;
}

function card(s: SuggestionDto): HTMLElement {
  const evidence = h(
    "div",
    { class: "review-evidence" },
    h("span", { class: "muted small", text: "Loading the passage…" }),
  );
  const errorBox = h("div", { hidden: true });
  const name = (c: string) => s.candidateNodes.find((n) => n.id === c);
  const group = `choice-${s.id}`;
  const choices = h(
    "fieldset",
    { class: "review-choices", disabled: s.status !== "open" },
    h("legend", { text: question(s) }),
    ...s.candidates.map((c) => {
      const radio = h("input", {
        type: "radio",
        name: group,
        value: c,
        checked: (s.chosen ?? s.candidates[0]) === c,
        "data-testid": "review-choice",
      });
      // A place question's candidates are cities of the gazetteer (`geo:<country code>:<name>`), not graph nodes.
      const city = /^geo:([a-z]{2}):(.+)$/.exec(c);
      if (city) {
        return h(
          "label",
          { class: "review-choice" },
          radio,
          h(
            "span",
            {},
            h("strong", { text: `${s.text}, ${city[1]!.toUpperCase()}` }),
            h("span", { class: "muted small", text: " city in the gazetteer" }),
          ),
        );
      }
      const n = name(c);
      return h(
        "label",
        { class: "review-choice" },
        radio,
        h(
          "span",
          {},
          h("strong", { text: n?.name ?? c }),
          h("span", { class: "muted small", text: ` ${n?.kind ?? n?.type ?? "not in the graph"} · ` }),
          h("a", { href: `/?node=${encodeURIComponent(c)}`, class: "small", target: "_blank", rel: "noopener" }, c),
        ),
        s.chosen === c && s.status === "open" ? h("span", { class: "badge subtle", text: "extractor's pick" }) : null,
      );
    }),
  );
  const lowConfidence = s.kind === "low-confidence";
  const accept = h(
    "button",
    // A doubtful item without actors to choose from can only be dismissed (accepting one records the decision).
    { type: "button", class: "button primary", "data-testid": "review-accept", hidden: !s.candidates.length },
    s.kind === "possible-same-person" ? "Accept: merge into the chosen one" : lowConfidence ? "Right" : "Accept",
  );
  const reject = h(
    "button",
    { type: "button", class: "button", "data-testid": "review-reject" },
    lowConfidence ? "Wrong: dismiss" : "Reject",
  );
  const outcome = h(
    "p",
    { class: "review-outcome", "data-testid": "review-outcome", hidden: s.status === "open" },
    s.status === "open"
      ? ""
      : `${s.status}${s.chosen ? `: ${name(s.chosen)?.name ?? s.chosen}` : ""}${s.decidedBy ? ` · by ${s.decidedBy}` : ""}`,
  );
  const el = h(
    "article",
    {
      class: "review-card",
      "data-testid": "suggestion",
      "data-suggestion": s.id,
      "data-status": s.status,
      "data-kind": s.kind,
    },
    h(
      "header",
      { class: "review-head" },
      h("span", { class: "review-kind", text: s.kind.replace(/-/g, " ") }),
      h("span", { class: "muted small", text: s.articleTitle ?? s.article ?? "no article" }),
    ),
    h(
      "div",
      { class: "review-body" },
      evidence,
      h(
        "div",
        { class: "review-decision" },
        choices,
        s.status === "open" ? h("div", { class: "review-buttons" }, accept, reject) : null,
        outcome,
        errorBox,
      ),
    ),
  );
  const decide = async (outcomeKind: "accept" | "reject") => {
    const choice = el.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`)?.value;
    accept.disabled = reject.disabled = true;
    el.dataset.status = "saving";
    try {
      const res = await sendJson<SuggestionDecision>(
        "POST",
        `/api/suggestions/${encodeURIComponent(s.id)}/${outcomeKind}`,
        outcomeKind === "accept" ? { choice } : {},
      );
      el.dataset.status = res.suggestion.status;
      choices.disabled = true;
      accept.parentElement?.remove();
      outcome.hidden = false;
      const others = res.decided - 1;
      outcome.textContent = `${res.suggestion.status}${res.suggestion.chosen ? `: ${name(res.suggestion.chosen)?.name ?? res.suggestion.chosen}` : ""}${others > 0 ? ` · ${others} more suggestion${others === 1 ? "" : "s"} asking the same were decided with it` : ""}`;
      updateCount();
    } catch (error) {
      accept.disabled = reject.disabled = false;
      el.dataset.status = "open";
      showWriteError(errorBox, error, () => void decide(outcomeKind));
    }
  };
  accept.addEventListener("click", () => void decide("accept"));
  reject.addEventListener("click", () => void decide("reject"));
  void fillEvidence(s, evidence);
  return el;
}

async function fillEvidence(s: SuggestionDto, box: HTMLElement): Promise<void> {
  if (!s.article) {
    box.replaceChildren(h("p", { class: "muted small", text: "This suggestion names no article." }));
    return;
  }
  const a = await article(s.article);
  const link = h(
    "a",
    { href: a?.url ?? "#", class: "small", target: "_blank", rel: "noopener noreferrer", hidden: !a?.url },
    "Source ↗",
  );
  const head = h(
    "div",
    { class: "small muted" },
    `${a?.title ?? s.articleTitle ?? s.article}${a?.published ? `, ${a.published}` : ""} `,
    link,
  );
  if (!a?.text || s.start === null || s.end === null) {
    box.replaceChildren(
      head,
      a && !a.text
        ? // Say what the source is and where its text would go, rather than only that it is missing.
          h("div", { class: "small" }, sourceNote(a))
        : h("p", {
            class: "muted small",
            text: a
              ? `The mention “${s.text}” has no position in the article.`
              : "The article could not be read, so the passage cannot be shown.",
          }),
    );
    return;
  }
  box.replaceChildren(head, passageView(passageAround(a.text, s.start, s.end)));
}

// ---------------------------------------------------------------------------------------------------------------
// Page
// ---------------------------------------------------------------------------------------------------------------

function updateCount(): void {
  const open = root.querySelectorAll('[data-testid=suggestion][data-status="open"]').length;
  document.title = status === "open" && open ? `(${open}) Parley — review` : "Parley — review";
}

async function load(): Promise<void> {
  document.body.dataset.ready = "false";
  root.replaceChildren(h("p", { class: "muted", text: "Loading suggestions…" }));
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-status]"))
    b.setAttribute("aria-pressed", String(b.dataset.status === status));
  try {
    const { suggestions } = await getJson<{ suggestions: SuggestionDto[] }>(
      `/api/suggestions?status=${status}&limit=200`,
    );
    root.replaceChildren(
      h("p", {
        class: "review-intro muted",
        "data-testid": "review-count",
        text: suggestions.length
          ? `${suggestions.length} ${status} suggestion${suggestions.length === 1 ? "" : "s"}. Decisions are remembered and applied to later articles that ask the same.`
          : status === "open"
            ? "Nothing to review: the extractor had no open questions."
            : `No ${status} suggestions.`,
      }),
      ...suggestions.map(card),
    );
    updateCount();
    document.body.dataset.ready = "true";
  } catch (error) {
    root.replaceChildren(
      h("p", { class: "error-text", role: "alert", text: errorMessage(error, "The suggestions could not be loaded.") }),
    );
    document.body.dataset.ready = "error";
  }
}

for (const b of document.querySelectorAll<HTMLButtonElement>("[data-status]")) {
  b.addEventListener("click", () => {
    status = (STATUSES as readonly string[]).includes(b.dataset.status ?? "") ? (b.dataset.status as Status) : "open";
    void load();
  });
}
const saved = localStorage.getItem("parley-theme");
if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
void load();
