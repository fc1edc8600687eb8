/**
 * Story player
 * ============
 *
 * `/stories/:id` plays a story: each step draws its stored snapshot read-only (the snapshot page's graph view),
 * with the step's title, its caption (as text, never HTML) and the quotes it cites with their source links and
 * dates. Back/next buttons and the ←/→ keys move between steps; the graph glides between them (node positions and
 * camera, none under reduced motion); the step is kept in the URL (`?step=2`) so a reload stays on it.
 * `?embed=1` shows the bare player, for iframes (the server lets only embeds be framed).
 */
import type Graph from "graphology";
import type { CitationDto } from "../../../../contracts/api";
import type { StoryView } from "../../../../contracts/stories";
import { ApiError, errorMessage, getJson } from "../../api/client";
import type { ExplorerHost } from "../../controllers/explorer-host";
import { openDossierDialog } from "../export/dossier-dialog";
import { cameraDuration, fitCamera } from "../../sigma/renderer";
import { formatDate, h } from "../../ui/dom";
import "../share/share.css";
import "./stories.css";
import { restoreState, showStoredGraph } from "../snapshots/snapshot-mode";
import { type SnapshotMeta, loadSnapshot } from "../snapshots/snapshot-view";
import type { SnapshotState } from "../share/share";

const ROUTE = /^\/stories\/([0-9a-f]{20})\/?$/;
/** How long the graph takes to glide from one step to the next. */
const TRANSITION_MS = 600;

/** The story id, embed flag and 1-based step of the page's URL, or null when this is not a story page. */
export function storyRoute(
  location: Pick<Location, "pathname" | "search"> = window.location,
): { id: string; embed: boolean; step: number } | null {
  const match = ROUTE.exec(location.pathname);
  if (!match) return null;
  const params = new URLSearchParams(location.search);
  const step = Number.parseInt(params.get("step") ?? "1", 10);
  return { id: match[1]!, embed: params.get("embed") === "1", step: Number.isFinite(step) && step > 0 ? step : 1 };
}

type LoadedSnapshot = { graph: Graph; state: SnapshotState; meta: SnapshotMeta };

/** Opens the story player for `route`. */
export async function startStoryPage(
  host: ExplorerHost,
  route: { id: string; embed: boolean; step: number },
): Promise<void> {
  host.store.set({ readOnly: true });
  document.body.classList.add("snapshot-mode", "story-mode");
  if (route.embed) document.body.classList.add("embed-mode");
  host.setReady("false");
  let story: StoryView;
  try {
    story = await getJson<StoryView>(`/api/stories/${encodeURIComponent(route.id)}`);
  } catch (error) {
    const gone = error instanceof ApiError && error.status === 410;
    document.body.dataset.story = gone ? "gone" : "error";
    host.showMessage(
      gone
        ? `This story is no longer available. ${error.message}`
        : errorMessage(error, "The story could not be loaded."),
      "error",
    );
    host.setReady("error");
    return;
  }
  document.title = `${story.title} — Parley story`;
  const snapshots = new Map<string, Promise<LoadedSnapshot>>();
  const snapshotOf = (id: string) => {
    if (!snapshots.has(id)) snapshots.set(id, loadSnapshot(id));
    return snapshots.get(id)!;
  };

  const panel = mountPanel(story, route.embed);
  // A dossier of the step on screen (export/dossier-dialog.ts): its drawing, actors and cited quotes.
  if (!route.embed)
    document.querySelector(".story-nav")?.append(
      h("button", {
        type: "button",
        class: "button subtle",
        "data-testid": "story-dossier",
        text: "Export dossier",
        onclick: () =>
          openDossierDialog(host, () => `${story.title}, step ${current + 1}: ${story.steps[current]!.title}`),
      }),
    );
  let current = Math.min(route.step, story.steps.length) - 1;
  let shown = -1;
  let busy: Promise<void> = Promise.resolve();

  const show = async (index: number) => {
    const step = story.steps[index]!;
    panel.render(index);
    host.setReady("false");
    let snapshot: LoadedSnapshot;
    try {
      snapshot = await snapshotOf(step.snapshot);
    } catch (error) {
      host.showMessage(errorMessage(error, `The snapshot of step ${index + 1} could not be loaded.`), "error");
      host.setReady("error");
      return;
    }
    host.showMessage(null);
    const before = new Map<string, { x: number; y: number }>();
    if (shown >= 0) host.graph.forEachNode((node, a) => before.set(node, { x: a.x ?? 0, y: a.y ?? 0 }));
    restoreState(host, snapshot.state);
    showStoredGraph(host, snapshot.graph);
    const renderer = host.ensureRenderer();
    const duration = shown >= 0 ? cameraDuration(TRANSITION_MS) : 0;
    shown = index;
    await Promise.all([glide(host, before, duration), fitCamera(renderer, duration)]);
    renderer.refresh();
    document.body.dataset.storyStep = String(index + 1);
    host.setReady("true");
  };

  const go = (index: number) => {
    if (index < 0 || index >= story.steps.length || index === current) return;
    current = index;
    const url = new URL(window.location.href);
    url.searchParams.set("step", String(index + 1));
    history.replaceState(null, "", url);
    busy = busy.then(() => (current === index ? show(index) : undefined));
  };
  panel.onMove((delta) => go(current + delta));
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    // The graph canvas and text fields use the arrow keys themselves.
    if (target?.closest("input, textarea, select, [role='application']")) return;
    if (event.key === "ArrowRight") go(current + 1);
    else if (event.key === "ArrowLeft") go(current - 1);
    else return;
    event.preventDefault();
  });
  busy = show(current);
  await busy;
}

/** Moves nodes that were on screen from their old positions to the new ones over `duration` ms. */
function glide(host: ExplorerHost, before: Map<string, { x: number; y: number }>, duration: number): Promise<void> {
  const moves: { node: string; from: { x: number; y: number }; to: { x: number; y: number } }[] = [];
  host.graph.forEachNode((node, a) => {
    const from = before.get(node);
    if (from && (from.x !== a.x || from.y !== a.y)) moves.push({ node, from, to: { x: a.x ?? 0, y: a.y ?? 0 } });
  });
  if (duration <= 0 || moves.length === 0) return Promise.resolve();
  const start = performance.now();
  const place = (t: number) => {
    const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    for (const { node, from, to } of moves) {
      host.graph.mergeNodeAttributes(node, {
        x: from.x + (to.x - from.x) * eased,
        y: from.y + (to.y - from.y) * eased,
      });
    }
  };
  place(0);
  return new Promise((resolve) => {
    const frame = (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      place(t);
      if (t < 1) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Panel: step counter, title, caption, citations, back/next
// ---------------------------------------------------------------------------------------------------------------

function mountPanel(story: StoryView, embed: boolean) {
  const counter = h("p", { class: "story-counter", "data-testid": "story-counter", "aria-live": "polite" });
  const stepTitle = h("h2", { class: "story-step-title", "data-testid": "story-step-title" });
  const caption = h("p", { class: "story-caption", "data-testid": "story-caption" });
  const citations = h("ol", { class: "story-citations", "data-testid": "story-citations" });
  let move: (delta: number) => void = () => {};
  const back = h("button", {
    type: "button",
    class: "button",
    "data-testid": "story-back",
    text: "← Back",
    onclick: () => move(-1),
  });
  const next = h("button", {
    type: "button",
    class: "button primary",
    "data-testid": "story-next",
    text: "Next →",
    onclick: () => move(1),
  });
  const heading = embed
    ? h("a", {
        class: "story-title",
        href: story.url,
        target: "_blank",
        rel: "noopener",
        text: story.title,
        "data-testid": "story-title",
      })
    : h("h1", { class: "story-title", text: story.title, "data-testid": "story-title" });
  const panel = h(
    "section",
    { class: "story-player", "aria-label": "Story", "data-testid": "story-player" },
    heading,
    counter,
    stepTitle,
    caption,
    citations,
    h("nav", { class: "story-nav", "aria-label": "Story steps" }, back, next),
    h("p", { class: "story-keys", text: "← and → keys move between steps." }),
  );
  document.querySelector(".stage")?.append(panel);

  return {
    onMove(handler: (delta: number) => void) {
      move = handler;
    },
    render(index: number) {
      const step = story.steps[index]!;
      counter.textContent = `Step ${index + 1} of ${story.steps.length}`;
      stepTitle.textContent = step.title;
      caption.textContent = step.caption;
      caption.hidden = step.caption === "";
      citations.replaceChildren(...step.citations.map((id) => citationItem(id, story.citations[id])));
      citations.hidden = step.citations.length === 0;
      back.disabled = index === 0;
      next.disabled = index === story.steps.length - 1;
    },
  };
}

/** One cited quote (or the curator's note when the text is not stored) with its source link and date. */
function citationItem(id: string, citation: CitationDto | undefined): HTMLElement {
  if (!citation) return h("li", { class: "story-citation missing", text: `Evidence ${id} is no longer available.` });
  const { article } = citation;
  const source = [article.publisher, article.title].filter(Boolean).join(": ");
  return h(
    "li",
    { class: "story-citation", "data-testid": "story-citation" },
    citation.quote
      ? h("blockquote", { text: `“${citation.quote}”` })
      : h("p", { class: "story-note", text: citation.note ?? "" }),
    h(
      "p",
      { class: "story-source" },
      article.url
        ? h("a", { href: article.url, target: "_blank", rel: "noopener", text: source || article.url })
        : source,
      ` · ${formatDate(article.published)}`,
    ),
  );
}
