/**
 * Filters and display panel
 * =========================
 *
 * Checkbox groups for node kind, topic, country and participant role (sent to `/api/graph`, so they filter events,
 * not only nodes), plus the size-by and colour-by choices. Options accumulate from every graph seen, so narrowing
 * a filter never hides the way back.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import {
  COLOR_BY,
  type ColorBy,
  type Filters,
  SIZE_BY,
  type SizeBy,
  type Store,
  emptyFilters,
} from "../../graph/store";
import { TYPE_NAMES, labelFromId } from "../../graph/style";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

type Group = keyof Filters;
const GROUPS: { key: Group; title: string }[] = [
  { key: "kinds", title: "Kind" },
  { key: "topics", title: "Topic" },
  { key: "countries", title: "Country" },
  { key: "roles", title: "Role in event" },
];
const KNOWN_ROLES = ["host", "guest", "participant", "signatory", "mediator", "speaker"];

/** Option values (id → label) per filter group. */
export type FilterOptions = Record<Group, Map<string, string>>;

/** Node kinds the server filters by: listed from the start, so a page opened on one kind can reach the others. */
const KNOWN_KINDS = ["person", "government", "organization", "country", "agreement"];

export function emptyOptions(): FilterOptions {
  return {
    kinds: new Map(KNOWN_KINDS.map((k) => [k, TYPE_NAMES[k] ?? k])),
    topics: new Map(),
    countries: new Map(),
    roles: new Map(KNOWN_ROLES.map((r) => [r, r])),
  };
}

/** Adds the kinds, topics, countries and roles found in `graph` to `options`. */
export function collectOptions(graph: ExplorerGraph, options: FilterOptions): void {
  graph.forEachNode((id, a) => {
    const category = String(a.category);
    // Community meta-nodes (level-of-detail overview) are groups of actors, not a kind the server can filter by.
    if (category !== "event" && category !== "place" && category !== "community")
      options.kinds.set(category, TYPE_NAMES[category] ?? category);
    if (category === "country") options.countries.set(id, String(a.label ?? id));
    if (Array.isArray(a.topics))
      for (const t of a.topics as string[]) if (!options.topics.has(t)) options.topics.set(t, labelFromId(t));
  });
  graph.forEachEdge((_e, a) => {
    if (Array.isArray(a.topics))
      for (const t of a.topics as string[]) if (!options.topics.has(t)) options.topics.set(t, labelFromId(t));
    if (typeof a.role === "string") options.roles.set(a.role, a.role);
  });
}

/** Draws the filter groups for `options`, checked from the store's filters. */
function renderFilters(el: HTMLElement, store: Store, options: FilterOptions): void {
  const filters = store.state.filters;
  const active = GROUPS.reduce((n, g) => n + filters[g.key].length, 0);
  const groups = GROUPS.map(({ key, title }) => {
    const chosen = new Set(filters[key]);
    // A value chosen in a shared link stays listed (and can be unchecked) even when no graph seen so far holds it.
    const known = new Map(options[key]);
    for (const value of chosen) if (!known.has(value)) known.set(value, labelFromId(value));
    const values = [...known].sort((a, b) => a[1].localeCompare(b[1]));
    const boxes = values.map(([value, label]) =>
      h(
        "label",
        { class: "check", title: label },
        h("input", {
          type: "checkbox",
          value,
          checked: chosen.has(value),
          "data-testid": `filter-${key}-${value}`,
          onchange: (e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            const next = new Set(store.state.filters[key]);
            if (on) next.add(value);
            else next.delete(value);
            store.setFilters({ ...store.state.filters, [key]: [...next].sort() });
          },
        }),
        h("span", { text: label }),
      ),
    );
    return h(
      "details",
      { class: "filter-group", open: chosen.size > 0 || key === "kinds" },
      h("summary", {}, title, chosen.size ? h("span", { class: "badge", text: chosen.size }) : null),
      values.length
        ? h("div", { class: "checks" }, ...boxes)
        : h("p", { class: "muted small", text: "None in this network." }),
    );
  });
  el.replaceChildren(
    h(
      "div",
      { class: "card-head" },
      h("h2", { text: "Filters" }),
      active
        ? h(
            "button",
            {
              type: "button",
              class: "link small",
              "data-testid": "filters-clear",
              onclick: () => store.setFilters(emptyFilters()),
            },
            "Clear",
          )
        : null,
    ),
    ...groups,
  );
}

/** Draws the size-by and colour-by selects. */
function renderDisplay(el: HTMLElement, store: Store): void {
  const select = <T extends string>(
    label: string,
    testid: string,
    values: readonly T[],
    current: T,
    names: Record<T, string>,
    set: (v: T) => void,
  ) =>
    h(
      "label",
      { class: "field" },
      h("span", { text: label }),
      h(
        "select",
        { "data-testid": testid, onchange: (e) => set((e.currentTarget as HTMLSelectElement).value as T) },
        ...values.map((v) => h("option", { value: v, selected: v === current, text: names[v] })),
      ),
    );
  el.replaceChildren(
    h("div", { class: "card-head" }, h("h2", { text: "Display" })),
    h(
      "div",
      { class: "fields" },
      select<SizeBy>(
        "Size by",
        "size-by",
        SIZE_BY,
        store.state.sizeBy,
        { degree: "Degree", betweenness: "Betweenness" },
        (sizeBy) => store.set({ sizeBy }),
      ),
      select<ColorBy>(
        "Colour by",
        "color-by",
        COLOR_BY,
        store.state.colorBy,
        { category: "Type", community: "Community (Louvain)" },
        (colorBy) => store.set({ colorBy }),
      ),
    ),
  );
}

/** Mounts the filter groups: `update()` redraws them for `options` (which grow with every graph seen) and the store. */
export function mountFilters(container: HTMLElement, deps: { store: Store; options: FilterOptions }): Panel {
  const update = () => renderFilters(container, deps.store, deps.options);
  return { update, destroy: () => container.replaceChildren() };
}

/** Mounts the size-by and colour-by selects. */
export function mountDisplay(container: HTMLElement, deps: { store: Store }): Panel {
  const update = () => renderDisplay(container, deps.store);
  return { update, destroy: () => container.replaceChildren() };
}
