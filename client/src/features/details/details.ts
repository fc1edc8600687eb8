/**
 * Details panel
 * =============
 *
 * The side panel for a selected node (who it is, roles over time, the meetings and agreements it took part in, and
 * the evidence behind each) or a selected edge (the meetings behind the link, in time order, and how many articles
 * report them). An event's own panel lists the articles that report it (reports.ts). Cited passages are shown on
 * request; sources are linked.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import type { CitationDto, EdgeEventsDto, EventDto, NodeDetailsDto, NodeRef, RoleDto } from "../../../../contracts/api";
import { errorMessage } from "../../api/client";
import { fetchEdgeEvents, fetchNode } from "../../api/endpoints";
import type { Store } from "../../graph/store";
import { TYPE_NAMES, colorOf, labelFromId } from "../../graph/style";
import { formatDate, h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import { reportedBy, reportsView } from "./reports";
import { sourceNote, summaryView } from "./source-note";

/** What the panel can ask the rest of the app to do. */
export interface DetailsActions {
  select(id: string): void;
  close(): void;
  expand(id: string): void;
  collapse(id: string): void;
  canCollapse(id: string): boolean;
  expansionNote(id: string): string | null;
  /** False once every neighbour of `id` is on screen (the expand button then goes). */
  canExpandMore?(id: string): boolean;
  pathEnd(which: "from" | "to", id: string): void;
  /** Curation controls and history for the node (features/curation/curation.ts); absent in read-only views. */
  curation?(details: NodeDetailsDto): HTMLElement | null;
}

function header(title: string, category: string, kind: string, actions: DetailsActions): HTMLElement {
  const dot = h("span", { class: "dot" });
  dot.style.background = colorOf(category);
  return h(
    "header",
    { class: "details-header" },
    h(
      "div",
      { class: "details-title" },
      h("h2", { text: title, title }),
      h("div", { class: "details-kind" }, dot, `${TYPE_NAMES[category] ?? category} · ${kind.replace(/_/g, " ")}`),
    ),
    h(
      "button",
      {
        type: "button",
        class: "icon-button",
        "aria-label": "Close details",
        "data-testid": "details-close",
        title: "Close (Esc)",
        onclick: () => actions.close(),
      },
      "✕",
    ),
  );
}

function nodeLink(ref: NodeRef, actions: DetailsActions): HTMLElement {
  return h(
    "button",
    { type: "button", class: "link", "data-node": ref.id, onclick: () => actions.select(ref.id) },
    ref.label,
  );
}

/**
 * One citation: publisher and date, the passage on request, the source link. Without the article's text (the sample
 * ships without its third-party texts) the request shows the curator's summary and where to get the text instead.
 */
export function renderCitation(c: CitationDto): HTMLElement {
  const publisher = c.article.publisher ?? c.article.title;
  const meta = h("span", { class: "citation-meta" }, `${publisher}, ${formatDate(c.article.published)}`);
  const what = c.quote !== null ? "passage" : c.note ? "summary" : "source";
  const body =
    c.quote !== null
      ? h("blockquote", { class: "quote", hidden: true, "data-testid": "quote" }, c.quote)
      : h(
          "div",
          { class: "citation-text", hidden: true, "data-testid": "quote" },
          c.note ? summaryView(c.note) : null,
          c.article.textStored
            ? h("p", { class: "source-note", text: "The citation gives no position in the article's text." })
            : sourceNote(c.article),
        );
  const toggle = h(
    "button",
    {
      type: "button",
      class: "link small",
      "aria-expanded": "false",
      "data-testid": "show-quote",
      onclick: (e) => {
        body.hidden = !body.hidden;
        (e.currentTarget as HTMLElement).setAttribute("aria-expanded", String(!body.hidden));
        (e.currentTarget as HTMLElement).textContent = `${body.hidden ? "Show" : "Hide"} ${what}`;
      },
    },
    `Show ${what}`,
  );
  const source = c.article.url
    ? h("a", { href: c.article.url, target: "_blank", rel: "noopener noreferrer", class: "small" }, "Source ↗")
    : null;
  return h("li", { class: "citation", "data-testid": "citation" }, meta, " ", toggle, " ", source, body);
}

/**
 * Accepted citations, one item each; citations that can only show a summary are listed once per article and
 * summary (a passage often backs a node several times over, and the same summary twice says nothing more).
 */
function evidenceList(list: CitationDto[]): HTMLElement | null {
  const seen = new Set<string>();
  const shown = list.filter((c) => {
    if (c.status === "rejected") return false;
    if (c.quote !== null) return true;
    const key = `${c.article.id}\u0000${c.note ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!shown.length) return null;
  return h("ul", { class: "citations" }, ...shown.map(renderCitation));
}

/**
 * An event card: date, title, place, counterparts, topics, agreements, evidence. With `reports` (the event's own
 * panel) the evidence is listed article by article, with where the articles disagree; in lists, an event reported
 * by several articles says how many.
 */
export function renderEvent(
  event: EventDto,
  self: string | null,
  actions: DetailsActions,
  options: { reports?: boolean } = {},
): HTMLElement {
  const others = event.participants.filter((p) => p.id !== self);
  const counterparts = others.length
    ? h(
        "div",
        { class: "row" },
        h("span", { class: "row-label", text: "With" }),
        h(
          "span",
          { class: "chips" },
          ...others.map((p) =>
            h(
              "span",
              { class: "chip" },
              nodeLink(p, actions),
              p.role ? h("span", { class: "role", text: p.role }) : null,
            ),
          ),
        ),
      )
    : null;
  const topics = event.topics.length
    ? h(
        "div",
        { class: "row" },
        h("span", { class: "row-label", text: "Topics" }),
        h(
          "span",
          { class: "tags" },
          ...event.topics.map((t) => h("span", { class: "tag", text: t.label || labelFromId(t.id) })),
        ),
      )
    : null;
  const agreements = event.agreements.length
    ? h(
        "div",
        { class: "row" },
        h("span", { class: "row-label", text: "Produced" }),
        h(
          "span",
          { class: "chips" },
          ...event.agreements.map((a) => h("span", { class: "chip" }, nodeLink(a, actions))),
        ),
      )
    : null;
  return h(
    "li",
    { class: "event", "data-testid": "event", "data-event": event.id },
    h(
      "div",
      { class: "event-head" },
      h("time", { class: "date", datetime: event.date ?? "", text: formatDate(event.date) }),
      h("span", { class: "event-kind", text: event.kind.replace(/_/g, " ") }),
    ),
    h(
      "div",
      { class: "event-title" },
      nodeLink({ id: event.id, label: event.label, category: "event", kind: event.kind }, actions),
    ),
    event.place
      ? h("div", { class: "row" }, h("span", { class: "row-label", text: "At" }), nodeLink(event.place, actions))
      : null,
    counterparts,
    topics,
    agreements,
    event.summary ? h("p", { class: "summary", text: event.summary }) : null,
    ...(options.reports && event.reports.length
      ? [reportsView(event)]
      : [
          event.reports.length > 1
            ? h("p", { class: "small muted", "data-testid": "event-reports", text: reportedBy(event.reports.length) })
            : null,
          evidenceList(event.evidence),
        ]),
  );
}

function roleItem(role: RoleDto, actions: DetailsActions): HTMLElement {
  const span =
    role.since || role.until
      ? `${formatDate(role.since)} – ${role.until ? formatDate(role.until) : "…"}`
      : role.asOf
        ? `as of ${formatDate(role.asOf)}`
        : "";
  return h(
    "li",
    { class: "role-item" },
    h("strong", { text: role.title }),
    " · ",
    nodeLink(role.of, actions),
    span ? h("span", { class: "muted", text: ` (${span})` }) : null,
    evidenceList(role.evidence),
  );
}

function section(title: string, count: number, ...children: (HTMLElement | null)[]): HTMLElement {
  return h(
    "section",
    { class: "details-section" },
    h("h3", {}, title, h("span", { class: "count", text: count.toLocaleString("en") })),
    ...children,
  );
}

function expandControls(id: string, actions: DetailsActions): HTMLElement {
  const note = actions.expansionNote(id);
  return h(
    "div",
    { class: "details-actions" },
    actions.canExpandMore?.(id) === false
      ? null
      : h(
          "button",
          { type: "button", class: "button", "data-testid": "expand", onclick: () => actions.expand(id) },
          note ? "Show more neighbours" : "Expand neighbours",
        ),
    actions.canCollapse(id)
      ? h(
          "button",
          { type: "button", class: "button", "data-testid": "collapse", onclick: () => actions.collapse(id) },
          "Collapse",
        )
      : null,
    h(
      "button",
      {
        type: "button",
        class: "button subtle",
        "data-testid": "path-from",
        title: "Start a path here",
        onclick: () => actions.pathEnd("from", id),
      },
      "Path from",
    ),
    h(
      "button",
      {
        type: "button",
        class: "button subtle",
        "data-testid": "path-to",
        title: "End a path here",
        onclick: () => actions.pathEnd("to", id),
      },
      "Path to",
    ),
    note ? h("div", { class: "muted small", "data-testid": "expansion-note", text: note }) : null,
  );
}

/** A hub's events come a page at a time (oldest first): a button appends the next page to the list. */
function moreEvents(d: NodeDetailsDto, list: HTMLElement, actions: DetailsActions): HTMLElement | null {
  let shown = d.eventsOffset + d.events.length;
  if (shown >= d.eventsTotal) return null;
  const text = () => `Show more events (${shown.toLocaleString()} of ${d.eventsTotal.toLocaleString()} shown)`;
  const button = h("button", {
    type: "button",
    class: "button subtle",
    "data-testid": "more-events",
    text: text(),
  }) as HTMLButtonElement;
  button.onclick = async () => {
    button.disabled = true;
    try {
      const next = await fetchNode(d.id, undefined, shown);
      for (const e of next.events) list.append(renderEvent(e, d.id, actions));
      shown += next.events.length;
      if (shown >= next.eventsTotal || next.events.length === 0) button.remove();
      else button.textContent = text();
    } catch (error) {
      button.textContent = errorMessage(error, "More events could not be loaded; try again.");
    } finally {
      button.disabled = false;
    }
  };
  return button;
}

function renderNodeDetails(d: NodeDetailsDto, actions: DetailsActions): HTMLElement[] {
  const parts: (HTMLElement | null)[] = [header(d.label, d.category, d.kind, actions), expandControls(d.id, actions)];
  if (d.aliases.length)
    parts.push(h("p", { class: "aliases" }, h("span", { class: "row-label", text: "Also" }), d.aliases.join(" · ")));
  if (d.description) parts.push(h("p", { class: "summary", text: d.description }));
  if (d.countries.length)
    parts.push(
      h(
        "p",
        { class: "row" },
        h("span", { class: "row-label", text: "Country" }),
        ...d.countries.map((c) => nodeLink(c, actions)),
      ),
    );
  if (d.event)
    parts.push(
      section("Event", 1, h("ul", { class: "events" }, renderEvent(d.event, null, actions, { reports: true }))),
    );
  if (d.roles.length) {
    const roles = [...d.roles].sort((a, b) => (a.since ?? a.asOf ?? "").localeCompare(b.since ?? b.asOf ?? ""));
    parts.push(
      section("Roles over time", roles.length, h("ul", { class: "roles" }, ...roles.map((r) => roleItem(r, actions)))),
    );
  }
  if (d.events.length) {
    const events = [...d.events].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
    const list = h(
      "ul",
      { class: "events", "data-testid": "events" },
      ...events.map((e) => renderEvent(e, d.id, actions)),
    );
    parts.push(section("Meetings and events", d.eventsTotal, list, moreEvents(d, list, actions)));
  }
  const agreements = [...d.agreements, ...d.parties];
  if (agreements.length) {
    // A topic can be the subject of thousands of agreements: the server sends the first ones by name and the count.
    const count = d.agreementsTotal + d.parties.length;
    const rest = count - agreements.length;
    const more =
      rest > 0
        ? h("p", {
            class: "more-note",
            text: `and ${rest.toLocaleString("en")} more; expand the node to see them in the graph`,
          })
        : null;
    parts.push(
      section(
        d.category === "agreement" ? "Parties" : "Agreements",
        count,
        h("ul", { class: "plain" }, ...agreements.map((a) => h("li", {}, nodeLink(a, actions)))),
        more,
      ),
    );
  }
  if (d.quantities.length) {
    parts.push(
      section(
        "Figures",
        d.quantities.length,
        h(
          "ul",
          { class: "plain" },
          ...d.quantities.map((q) =>
            h(
              "li",
              {},
              `${q.measure.replace(/_/g, " ")}: ${q.value.toLocaleString()} ${q.unit}${q.period ? ` (${q.period})` : ""}`,
              evidenceList(q.evidence),
            ),
          ),
        ),
      ),
    );
  }
  const evidence = evidenceList(d.evidence);
  if (evidence) parts.push(section("Mentioned in", d.evidence.length, evidence));
  if (!d.events.length && !d.roles.length && !agreements.length && !d.event)
    parts.push(h("p", { class: "empty", text: "No meetings, roles or agreements are recorded for this node yet." }));
  parts.push(actions.curation?.(d) ?? null);
  return parts.filter((p): p is HTMLElement => p !== null);
}

/** Fallback when the details endpoint is missing: what the graph itself knows. */
function renderFromGraph(graph: ExplorerGraph, id: string, actions: DetailsActions, note: string): HTMLElement[] {
  const a = graph.hasNode(id) ? graph.getNodeAttributes(id) : { label: id, category: "", kind: "" };
  const neighbours = graph.hasNode(id) ? graph.neighbors(id) : [];
  return [
    header(String(a.label ?? id), String(a.category ?? ""), String(a.kind ?? ""), actions),
    expandControls(id, actions),
    h("p", { class: "muted", text: note }),
    section(
      "Linked to",
      neighbours.length,
      h(
        "ul",
        { class: "plain" },
        ...neighbours.map((n) =>
          h(
            "li",
            {},
            nodeLink(
              { id: n, label: String(graph.getNodeAttribute(n, "label") ?? n), category: "", kind: "" },
              actions,
            ),
          ),
        ),
      ),
    ),
  ];
}

function loading(el: HTMLElement, text: string): void {
  el.replaceChildren(
    h("div", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), text),
  );
  el.dataset.state = "loading";
}

/** Shows the panel for node `id`; resolves once its content is drawn (`data-state="ready"`). */
async function showNode(
  el: HTMLElement,
  graph: ExplorerGraph,
  id: string,
  actions: DetailsActions,
  signal: AbortSignal,
): Promise<void> {
  el.hidden = false;
  loading(el, "Loading details…");
  try {
    const details = await fetchNode(id, signal);
    if (signal.aborted) return;
    el.replaceChildren(...renderNodeDetails(details, actions));
  } catch (error) {
    if (signal.aborted) return;
    const note = errorMessage(error, "The details could not be loaded.");
    el.replaceChildren(...renderFromGraph(graph, id, actions, note));
    el.querySelector("p.muted")?.classList.add("error-text");
  }
  el.dataset.state = "ready";
  el.dataset.node = id;
}

/** Shows the meetings behind the link between `source` and `target`, in time order. */
async function showEdge(
  el: HTMLElement,
  graph: ExplorerGraph,
  edge: string,
  actions: DetailsActions,
  signal: AbortSignal,
): Promise<void> {
  const [source, target] = graph.extremities(edge);
  const label = (n: string) => String(graph.getNodeAttribute(n, "label") ?? n);
  el.hidden = false;
  loading(el, "Loading the meetings behind this link…");
  const head = header(
    `${label(source)} — ${label(target)}`,
    "event",
    String(graph.getEdgeAttribute(edge, "kind")),
    actions,
  );
  try {
    const data: EdgeEventsDto = await fetchEdgeEvents(source, target, signal);
    if (signal.aborted) return;
    const events = [...data.events].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
    el.replaceChildren(
      head,
      events.length
        ? section(
            "Meetings behind this link",
            events.length,
            // Ten outlets reporting one summit are one meeting: the link says how many articles stand behind it.
            h("p", {
              class: "small muted",
              "data-testid": "edge-reports",
              text: `${events.length} meeting${events.length === 1 ? "" : "s"}, ${reportedBy(data.reportCount).toLowerCase()}`,
            }),
            h(
              "ul",
              { class: "events", "data-testid": "edge-events" },
              ...events.map((e) => renderEvent(e, null, actions)),
            ),
          )
        : h("p", { class: "empty", text: "No meetings are recorded between these two in the current window." }),
    );
  } catch (error) {
    if (signal.aborted) return;
    const attrs = graph.getEdgeAttributes(edge);
    const ids = Array.isArray(attrs.events) ? (attrs.events as string[]) : [];
    el.replaceChildren(
      ...[
        head,
        h("p", {
          class: "muted error-text",
          text: errorMessage(error),
        }),
        attrs.kind === "met"
          ? h(
              "p",
              {},
              `${attrs.count ?? ids.length} meeting(s), ${formatDate(attrs.first as string)} – ${formatDate(attrs.last as string)}`,
            )
          : null,
        ids.length ? h("ul", { class: "plain" }, ...ids.map((e) => h("li", { text: labelFromId(e) }))) : null,
      ].filter((x): x is HTMLElement => x !== null),
    );
  }
  el.dataset.state = "ready";
  delete el.dataset.node;
}

/** Hides the panel. */
function hideDetails(el: HTMLElement): void {
  el.hidden = true;
  el.replaceChildren();
  delete el.dataset.node;
  el.dataset.state = "closed";
}

/** What the details panel reads: the graph on screen, the store's selection, and what it may ask for. */
export interface DetailsDeps {
  graph: ExplorerGraph;
  store: Store;
  actions: DetailsActions;
}

/**
 * Mounts the details panel: `update()` shows the selected node or link (resolving once drawn), or hides the panel
 * when nothing is selected; a newer update cancels the request of an older one.
 */
export function mountDetails(container: HTMLElement, deps: DetailsDeps): Panel {
  const { graph, store, actions } = deps;
  let controller: AbortController | null = null;
  const renew = (): AbortSignal => {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  };
  hideDetails(container);
  return {
    update: async () => {
      const { selectedNode, selectedEdge } = store.state;
      if (selectedNode) await showNode(container, graph, selectedNode, actions, renew());
      else if (selectedEdge && graph.hasEdge(selectedEdge))
        await showEdge(container, graph, selectedEdge, actions, renew());
      else {
        controller?.abort();
        hideDetails(container);
      }
    },
    destroy: () => {
      controller?.abort();
      hideDetails(container);
    },
  };
}
