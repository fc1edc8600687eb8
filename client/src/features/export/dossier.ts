/**
 * Dossier export (lazy chunk)
 * ===========================
 *
 * Gathers a dossier of the view on screen and downloads it as a PDF (dossier-pdf.ts lays it out). Made in the
 * browser, not on the server: the drawing is what this sigma instance shows (positions after the layout, the
 * camera, the labels drawn, the reducers' colours), which the server never sees, and the PNG and SVG exports read
 * the same data here. This module, pdf-lib and the font load only when a dossier is asked for, so the explorer's
 * first load does not grow.
 *
 * Content: the view's scope in words (view, filters, time window, snapshot), the drawing and the legend, the actors
 * shown with their roles (GET /api/nodes/:id), and the quotes cited for the links shown: a meeting tie's events
 * (GET /api/edges/:a/:b), an event node's evidence, a role link's evidence.
 */
import fontUrl from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url";
import type { CitationDto, NodeDetailsDto } from "../../../../contracts/api";
import { getJson } from "../../api/client";
import { fetchEdgeEvents } from "../../api/endpoints";
import type { ExplorerHost } from "../../controllers/explorer-host";
import { TYPE_NAMES, labelFromId } from "../../graph/style";
import { drawingOf, legendEntries } from "./drawing";
import { type DossierActor, type DossierFootnote, type PaperOptions, buildDossierPdf } from "./dossier-pdf";
import { fileBaseName, saveBlob } from "./exports";

/** Quotes printed at most; past it the dossier says how many more there are. */
export const MAX_FOOTNOTES = 120;
/** Actors whose roles are read at most (one request each); the others are counted, not listed. */
export const MAX_ACTORS = 150;
/** Requests in flight at once while gathering (the server serves the explorer meanwhile). */
const CONCURRENCY = 4;
const ACTOR_TYPES = new Set(["person", "government", "organization", "country"]);

/** A node's details without its page of events (the dossier needs its roles, or an event's own evidence). */
function fetchNodeOnly(id: string): Promise<NodeDetailsDto | null> {
  return getJson<NodeDetailsDto>(`/api/nodes/${encodeURIComponent(id)}?events=0`).catch(() => null);
}

/** Runs `task` over `items`, `CONCURRENCY` at a time, keeping the input's order in the results. */
async function mapPool<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

/** A partial date range in words: "since 2019", "2019-03 to 2021", "". */
function period(since: string | null, until: string | null): string {
  if (since && until) return `${since} to ${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return "";
}

/** What the view is, in words: its kind, each filter, the time window, where it comes from and when it was made. */
function scopeLines(host: ExplorerHost, source: string | null): string[] {
  const { view, filters, time } = host.store.state;
  const name = (id: string) =>
    host.graph.hasNode(id) ? String(host.graph.getNodeAttribute(id, "label") ?? id) : labelFromId(id);
  const lines = [`View: ${view === "events" ? "actors and the events they took part in" : "who met whom"}.`];
  const parts: string[] = [];
  if (filters.kinds.length) parts.push(`types ${filters.kinds.map((k) => TYPE_NAMES[k] ?? k).join(", ")}`);
  if (filters.topics.length) parts.push(`topics ${filters.topics.map(name).join(", ")}`);
  if (filters.countries.length) parts.push(`countries ${filters.countries.map(name).join(", ")}`);
  if (filters.roles.length) parts.push(`roles ${filters.roles.join(", ")}`);
  lines.push(parts.length ? `Filters: ${parts.join("; ")}.` : "Filters: none (every actor and link).");
  lines.push(
    time.from || time.to
      ? `Time window: from ${time.from ?? "the first record"} to ${time.to ?? "the latest"}.`
      : "Time window: all dates.",
  );
  const made = new Date().toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" });
  lines.push(
    `${source ? `Snapshot “${source}”` : "Live data"}; dossier made ${made}; quotes as the database holds them then.`,
  );
  return lines;
}

/** An actor's roles in words, newest first as the API gives them. */
function rolesOf(details: NodeDetailsDto | null): string[] {
  if (!details) return [];
  return details.roles.map((role) => {
    const when = period(role.since, role.until) || (role.asOf ? `as of ${role.asOf}` : "");
    return `${role.title}, ${role.of.label}${when ? ` (${when})` : ""}`;
  });
}

/** A citation as a footnote (null when it is rejected or has neither a quote nor a curator's note). */
function footnoteOf(citation: CitationDto, about: string): DossierFootnote | null {
  if (citation.status === "rejected") return null;
  const quote = citation.quote ?? (citation.note ? `[summary] ${citation.note}` : null);
  if (!quote) return null;
  const { article } = citation;
  return {
    quote,
    source: [article.publisher, article.title].filter(Boolean).join(", "),
    published: article.published,
    about,
    url: article.url,
  };
}

/** Makes the dossier of the view on screen and downloads it; `title` names the file and the first line. */
export async function exportDossier(host: ExplorerHost, paper: PaperOptions, title: string | null): Promise<void> {
  const sigma = host.renderer();
  if (!sigma) throw new Error("Dossier: nothing is drawn yet.");
  const { graph } = host;
  const shown = (node: string) => {
    const data = sigma.getNodeDisplayData(node);
    return !!data && !data.hidden;
  };
  const label = (node: string) => String(graph.getNodeAttribute(node, "label") ?? node);

  // The actors shown, by name; their details give the roles and the evidence of role links.
  const actorIds = graph
    .filterNodes((node, a) => shown(node) && ACTOR_TYPES.has(String(a.category)))
    .sort((a, b) => label(a).localeCompare(label(b)));
  const read = actorIds.slice(0, MAX_ACTORS);
  const details = new Map<string, NodeDetailsDto | null>();
  await mapPool(read, async (id) => details.set(id, await fetchNodeOnly(id)));
  const actors: DossierActor[] = read.map((id) => ({
    name: label(id),
    type: TYPE_NAMES[String(graph.getNodeAttribute(id, "category"))] ?? String(graph.getNodeAttribute(id, "category")),
    roles: rolesOf(details.get(id) ?? null),
  }));

  // The links shown, heaviest first: each one's quotes in order, each quote once.
  const edges = graph
    .filterEdges((edge, _a, source, target) => {
      const data = sigma.getEdgeDisplayData(edge);
      return !!data && !data.hidden && shown(source) && shown(target);
    })
    .sort((a, b) => (graph.getEdgeAttribute(b, "weight") ?? 0) - (graph.getEdgeAttribute(a, "weight") ?? 0));
  const seen = new Set<string>();
  const footnotes: DossierFootnote[] = [];
  let more = 0;
  const add = (citations: CitationDto[], about: string) => {
    for (const citation of citations) {
      if (seen.has(citation.evidenceId)) continue;
      seen.add(citation.evidenceId);
      const note = footnoteOf(citation, about);
      if (!note) continue;
      if (footnotes.length < MAX_FOOTNOTES) footnotes.push(note);
      else more++;
    }
  };
  const meetings = edges.filter((edge) => graph.getEdgeAttribute(edge, "kind") === "met");
  const events = await mapPool(meetings, (edge) =>
    fetchEdgeEvents(graph.source(edge), graph.target(edge)).catch(() => null),
  );
  meetings.forEach((edge, i) => {
    for (const event of events[i]?.events ?? [])
      add(
        event.evidence,
        `${label(graph.source(edge))} — ${label(graph.target(edge))}: ${event.label}${event.date ? `, ${event.date}` : ""}`,
      );
  });
  // The events view: event nodes carry their own evidence.
  const eventNodes = graph.filterNodes((node, a) => shown(node) && a.category === "event");
  const eventDetails = await mapPool(eventNodes, fetchNodeOnly);
  eventNodes.forEach((_id, i) => {
    const event = eventDetails[i]?.event;
    if (event) add(event.evidence, `${event.label}${event.date ? `, ${event.date}` : ""}`);
  });
  // Role links (holds_role) shown: the evidence of the role.
  for (const edge of edges) {
    if (graph.getEdgeAttribute(edge, "kind") !== "holds_role") continue;
    const [holder, of] = [graph.source(edge), graph.target(edge)];
    for (const role of details.get(holder)?.roles ?? [])
      if (role.of.id === of) add(role.evidence, `${label(holder)}: ${role.title}, ${role.of.label}`);
  }

  const name = title ?? "Parley view";
  const bytes = await buildDossierPdf(
    {
      title: name,
      scope: scopeLines(host, title),
      drawing: drawingOf(sigma),
      legend: legendEntries(graph, host.store.state.colorBy),
      actors,
      moreActors: actorIds.length - read.length,
      footnotes,
      moreFootnotes: more,
    },
    paper,
    await (await fetch(fontUrl)).arrayBuffer(),
  );
  saveBlob(new Blob([bytes as BlobPart], { type: "application/pdf" }), `${fileBaseName(name)}-dossier.pdf`);
}
