/**
 * New story
 * =========
 *
 * On the recent-snapshots page (`/snapshots`): "New story" opens a plain form that builds a story from stored
 * snapshots, step by step: pick a snapshot, type a title and a caption, and cite evidence of that snapshot's links
 * with a picker (each choice adds the evidence id to the step's citations and a `[n]` mark to the caption). Saving
 * posts the story (a protected write) and opens its player. Every control is a native form control, so the whole
 * form works from the keyboard.
 */
import type { SnapshotSummary, SnapshotView } from "../../../../contracts/snapshots";
import type { CreateStoryRequest, StoryCreated } from "../../../../contracts/stories";
import { getJson } from "../../api/client";
import { fetchEdgeEvents } from "../../api/endpoints";
import { sendJson, writeErrorMessage } from "../../api/write";
import { h } from "../../ui/dom";

/** One step as the form holds it. */
interface DraftStep {
  snapshot: string;
  title: string;
  caption: string;
  citations: string[];
}

/** Mounts the "New story" button and its form at the top of `container`. */
export function mountStoryEditor(container: HTMLElement, snapshots: SnapshotSummary[]): void {
  const form = h("form", { class: "story-editor", "data-testid": "story-editor", "aria-label": "New story" });
  form.hidden = true;
  const open = h("button", {
    type: "button",
    class: "button primary",
    "data-testid": "new-story",
    "aria-expanded": "false",
    text: "New story",
    onclick: () => {
      form.hidden = !form.hidden;
      open.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) form.querySelector<HTMLInputElement>("input")?.focus();
    },
  });
  const heading = container.querySelector("h1");
  if (heading) heading.after(open, form);
  else container.prepend(open, form);
  if (snapshots.length === 0) {
    form.append(h("p", { text: "Share a view as a snapshot first: a story is made of snapshots." }));
    return;
  }

  const steps: DraftStep[] = [];
  const storyTitle = h("input", {
    id: "story-title",
    required: true,
    maxlength: 120,
    "data-testid": "story-title-input",
  });
  const list = h("ol", { class: "story-editor-steps" });
  const status = h("p", { class: "story-editor-status", role: "status", "data-testid": "story-editor-status" });

  const addStep = () => {
    const step: DraftStep = { snapshot: snapshots[0]!.id, title: "", caption: "", citations: [] };
    steps.push(step);
    list.append(stepEditor(step, steps.length, snapshots));
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const body: CreateStoryRequest = {
      title: storyTitle.value,
      steps: steps.map(({ snapshot, title, caption, citations }) => ({ snapshot, title, caption, citations })),
    };
    status.textContent = "Saving…";
    try {
      const created = await sendJson<StoryCreated>("POST", "/api/stories", body);
      location.assign(created.url);
    } catch (error) {
      status.textContent = writeErrorMessage(error, "The story could not be saved.");
    }
  };
  form.addEventListener("submit", (event) => void save(event));
  form.append(
    h("label", { for: "story-title", text: "Story title" }),
    storyTitle,
    list,
    h("button", {
      type: "button",
      class: "button",
      text: "Add a step",
      "data-testid": "story-add-step",
      onclick: addStep,
    }),
    h("button", { type: "submit", class: "button primary", text: "Save and play", "data-testid": "story-save" }),
    status,
  );
  addStep();
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The quotes behind links, by evidence id, with their sources (a link that cannot be read is left out). */
async function quotesOf(
  edges: { source: string; target: string }[],
): Promise<Map<string, { text: string; source: string }>> {
  const quotes = new Map<string, { text: string; source: string }>();
  const answers = await Promise.allSettled(edges.map((e) => fetchEdgeEvents(e.source, e.target)));
  for (const answer of answers) {
    if (answer.status !== "fulfilled") continue;
    for (const event of answer.value.events)
      for (const c of event.evidence) {
        const text = c.quote ?? c.note;
        if (!text) continue;
        const source = [c.article.publisher ?? c.article.title, c.article.published].filter(Boolean).join(", ");
        quotes.set(c.evidenceId, { text, source });
      }
  }
  return quotes;
}

/** The fields of one step: snapshot, title, caption and the citation picker of the snapshot's evidence. */
function stepEditor(step: DraftStep, n: number, snapshots: SnapshotSummary[]): HTMLElement {
  const id = (name: string) => `story-step-${n}-${name}`;
  const snapshot = h(
    "select",
    { id: id("snapshot"), "data-testid": "story-step-snapshot" },
    ...snapshots.map((s) => h("option", { value: s.id, text: s.title || `Snapshot ${s.id}` })),
  );
  const title = h("input", {
    id: id("title"),
    required: true,
    maxlength: 120,
    "data-testid": "story-step-title-input",
  });
  const caption = h("textarea", { id: id("caption"), maxlength: 2000, rows: 3, "data-testid": "story-step-caption" });
  const picker = h("select", { id: id("cite"), "data-testid": "story-step-cite" });
  const cited = h("p", { class: "story-editor-cited", "data-testid": "story-step-cited" });

  const showCited = () => {
    cited.textContent = step.citations.length ? `Cites ${step.citations.join(", ")}` : "No citations yet.";
  };
  /** The evidence behind the snapshot's links, labelled by the link's two ends. */
  const loadEvidence = async () => {
    picker.replaceChildren(h("option", { value: "", text: "Loading the snapshot's evidence…" }));
    const view = await getJson<SnapshotView>(`/api/snapshots/${encodeURIComponent(step.snapshot)}`);
    const labels = new Map(view.graph.nodes.map((node) => [node.key, String(node.attributes?.label ?? node.key)]));
    const options = new Map<string, string>();
    for (const edge of view.graph.edges) {
      const evidence = edge.attributes?.evidence;
      if (!Array.isArray(evidence)) continue;
      const link = `${labels.get(edge.source) ?? edge.source} — ${labels.get(edge.target) ?? edge.target}`;
      for (const ev of evidence) if (typeof ev === "string" && !options.has(ev)) options.set(ev, `${link} (${ev})`);
    }
    const choices = [...options].map(([value, text]) => h("option", { value, text }));
    picker.replaceChildren(
      h("option", {
        value: "",
        text: options.size ? "Cite evidence of this snapshot…" : "No evidence in this snapshot",
      }),
      ...choices,
    );
    // Then each choice says what it cites: the quote (or the curator's note), its source and date, read from the
    // links' evidence as the database holds it now.
    const quotes = await quotesOf(view.graph.edges.filter((e) => Array.isArray(e.attributes?.evidence)).slice(0, 60));
    for (const choice of choices) {
      const quote = quotes.get(choice.value);
      if (quote) choice.text = `“${clip(quote.text, 90)}” — ${quote.source} (${options.get(choice.value)})`;
    }
  };
  snapshot.addEventListener("change", () => {
    step.snapshot = snapshot.value;
    step.citations = [];
    showCited();
    void loadEvidence();
  });
  title.addEventListener("input", () => (step.title = title.value));
  caption.addEventListener("input", () => (step.caption = caption.value));
  picker.addEventListener("change", () => {
    const ev = picker.value;
    if (!ev) return;
    if (!step.citations.includes(ev)) step.citations.push(ev);
    // A mark in the caption says where the quote belongs; the player lists the quotes in this order.
    caption.value = `${caption.value}${caption.value && !caption.value.endsWith(" ") ? " " : ""}[${step.citations.indexOf(ev) + 1}]`;
    step.caption = caption.value;
    picker.value = "";
    showCited();
  });
  showCited();
  void loadEvidence();
  return h(
    "li",
    { class: "story-editor-step", "data-testid": "story-editor-step" },
    h("label", { for: id("snapshot"), text: `Step ${n}: snapshot` }),
    snapshot,
    h("label", { for: id("title"), text: "Title" }),
    title,
    h("label", { for: id("caption"), text: "Caption (plain text)" }),
    caption,
    h("label", { for: id("cite"), text: "Cite a quote" }),
    picker,
    cited,
  );
}
