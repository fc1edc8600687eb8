/**
 * Search
 * ======
 *
 * An accessible combobox over names, aliases and titles: the server's `/api/search` (diacritic-insensitive), or the
 * drawn graph's labels when that endpoint is missing. Arrow keys move, Enter picks, Escape closes, `/` focuses.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import { fetchSearch } from "../../api/endpoints";
import { TYPE_NAMES, colorOf } from "../../graph/style";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

export interface SearchHit {
  id: string;
  label: string;
  category: string;
  matched: string | null;
}

/** Lower-case, accents stripped: "Rohani" and "Rōhānī" compare equal. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Searches the labels of the drawn graph (prefix matches first). */
export function searchGraph(graph: ExplorerGraph, query: string, limit = 10): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits: { hit: SearchHit; score: number }[] = [];
  graph.forEachNode((id, a) => {
    const label = String(a.label ?? id);
    const f = fold(label);
    const at = f.indexOf(q);
    if (at < 0) return;
    const wordStart = at === 0 || /\s/.test(f[at - 1]!);
    hits.push({
      hit: { id, label, category: String(a.category), matched: null },
      score: (at === 0 ? 2 : wordStart ? 1 : 0) + 1 / (1 + label.length),
    });
  });
  return hits
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.hit);
}

/** Mounts the search box in `container` (the top bar's `#search`); `onPick` runs with the chosen hit. */
export function mountSearch(
  container: HTMLElement,
  deps: { graph: ExplorerGraph; onPick: (hit: SearchHit) => void },
): Panel {
  const { graph, onPick } = deps;
  const input = container.querySelector<HTMLInputElement>("#search-input")!;
  const list = container.querySelector<HTMLUListElement>("#search-results")!;
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `search-hit-${index}`);
      (list.children[index] as HTMLElement | undefined)?.scrollIntoView({ block: "nearest" });
    }
  };
  const pick = (hit: SearchHit) => {
    close();
    input.value = hit.label;
    onPick(hit);
  };
  const render = (query: string) => {
    if (!hits.length) {
      list.replaceChildren(
        h("li", {
          class: "search-empty",
          role: "option",
          "aria-disabled": "true",
          text: `Nothing matches “${query}”.`,
        }),
      );
    } else {
      list.replaceChildren(
        ...hits.map((hit, i) => {
          const dot = h("span", { class: "dot" });
          dot.style.background = colorOf(hit.category);
          return h(
            "li",
            {
              id: `search-hit-${i}`,
              role: "option",
              "aria-selected": "false",
              "data-testid": "search-hit",
              "data-node": hit.id,
              onmousedown: (e) => {
                e.preventDefault();
                pick(hit);
              },
            },
            dot,
            h("span", { class: "hit-label", text: hit.label }),
            hit.matched && hit.matched !== hit.label ? h("span", { class: "hit-matched", text: hit.matched }) : null,
            h("span", { class: "hit-type", text: TYPE_NAMES[hit.category] ?? hit.category }),
          );
        }),
      );
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(hits.length ? 0 : -1);
  };
  const run = async (query: string) => {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    if (query.trim().length < 2) {
      close();
      return;
    }
    let results: SearchHit[];
    try {
      const data = await fetchSearch(query, signal);
      results = data.results.map((r) => ({ id: r.id, label: r.label, category: r.category, matched: r.matched }));
    } catch {
      if (signal.aborted) return;
      // The server cannot be reached or refused: the names on screen still answer.
      results = searchGraph(graph, query);
    }
    if (signal.aborted) return;
    hits = results;
    render(query);
    list.dataset.state = "ready";
  };

  // Listeners on the page's own search box go with the panel.
  const listeners = new AbortController();
  const { signal: mounted } = listeners;
  input.addEventListener(
    "input",
    () => {
      list.dataset.state = "loading";
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(input.value), 150);
    },
    { signal: mounted },
  );
  input.addEventListener(
    "keydown",
    (e) => {
      if (e.key === "ArrowDown" && hits.length) {
        e.preventDefault();
        if (list.hidden) render(input.value);
        highlight((active + 1) % hits.length);
      } else if (e.key === "ArrowUp" && hits.length) {
        e.preventDefault();
        highlight((active - 1 + hits.length) % hits.length);
      } else if (e.key === "Enter") {
        if (active >= 0 && hits[active] && !list.hidden) {
          e.preventDefault();
          pick(hits[active]!);
        }
      } else if (e.key === "Escape") {
        close();
      }
    },
    { signal: mounted },
  );
  input.addEventListener("blur", () => close(), { signal: mounted });
  const focusOnSlash = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key === "/" && !(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  };
  document.addEventListener("keydown", focusOnSlash, { signal: mounted });
  return {
    update: () => {},
    destroy: () => {
      listeners.abort();
      if (timer) clearTimeout(timer);
      controller?.abort();
      close();
    },
  };
}
