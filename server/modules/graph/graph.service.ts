/**
 * Graph overview
 * ==============
 *
 * Builds the network the explorer draws, in graphology's serialisation format: either the who-met-whom
 * projection (actors linked by `met` edges computed from the events in the filters' window) or the event graph
 * (events and agreements as nodes linked to their participants). Filters apply to events, not only nodes, so a
 * time window removes the meetings outside it and the links they made.
 */
import { ACTOR_TYPES, ENCOUNTER_KINDS } from "../../../contracts/vocabulary.js";
import type {
  EdgeAttributes,
  NodeAttributes,
  SerializedEdge,
  SerializedGraph,
  SerializedNode,
} from "../../../contracts/graph.js";
import type { Database } from "../../db/database.js";
import {
  type EncounterRow,
  type EntityRow,
  type EventRow,
  readEntities,
  readEvents,
  readLinks,
  readTopActorIds,
} from "./graph.repository.js";
import { lodOverviewIfNeeded } from "./graph.lod.js";
import { readAsOf } from "../history/history.service.js";
import { type GraphQuery, dateRange } from "./graph.schemas.js";

const ENCOUNTERS = new Set<string>(ENCOUNTER_KINDS);
const ACTORS = new Set<string>(ACTOR_TYPES);

/** Builds the overview for a validated query. */
export async function buildOverview(db: Database, query: GraphQuery): Promise<SerializedGraph> {
  const unfiltered =
    !query.kinds && !query.eventKinds && !query.topics && !query.countries && !query.roles && !query.from && !query.to;
  // Above the budget, the unfiltered who-met-whom overview is a level-of-detail view (never the whole database).
  // Its summary is cached per data version of the present network, so a view as of a date is drawn in full.
  if (query.view === "met" && !query.asOf) {
    const lod = await lodOverviewIfNeeded(db, { limit: query.limit, community: query.community, unfiltered });
    if (lod) return lod;
  }
  return readAsOf(db, query.asOf, async (tx) => {
    const events = await readEvents(tx, {
      from: query.from ? dateRange(query.from).first : null,
      to: query.to ? dateRange(query.to).last : null,
      eventKinds: query.eventKinds ?? null,
      topics: query.topics ?? null,
      maxEvents: query.limit * 4,
    });
    const ids = new Set<string>();
    for (const event of events) for (const p of event.participants) ids.add(p.id);
    for (const event of events) for (const a of event.produced) ids.add(a);
    if (query.view === "events") for (const event of events) if (event.place) ids.add(event.place);
    // Without filters, actors known only through roles or agreements belong in the picture too.
    if (unfiltered) for (const id of await readTopActorIds(tx, query.limit)) ids.add(id);

    const entities = new Map((await readEntities(tx, [...ids])).map((e) => [e.id, e]));
    const keep = (e: EntityRow) => passesActorFilters(e, query);
    const shown = new Map([...entities].filter(([, e]) => keep(e)));

    const graph = query.view === "met" ? projectMet(events, shown, query) : eventGraph(events, shown, query);
    const ranked = query.view === "met" ? applyBudget(graph, query.limit) : shareBudget(graph, query.limit);
    const present = new Set(ranked.nodes.map((n) => n.key));
    for (const link of await readLinks(tx, [...present])) {
      ranked.edges.push(
        edge(`${link.kind}:${link.source}->${link.target}:${link.title ?? ""}`, link.source, link.target, {
          kind: link.kind,
          weight: 1,
          ...(link.title ? { title: link.title } : {}),
          ...(link.since ? { since: link.since } : {}),
          ...(link.until ? { until: link.until } : {}),
          ...(link.asOf ? { asOf: link.asOf } : {}),
        }),
      );
    }
    ranked.edges = dedupeEdges(ranked.edges);
    ranked.attributes = {
      view: query.view,
      events: events.length,
      truncated: graph.nodes.length > ranked.nodes.length,
    };
    return ranked;
  });
}

/** The filters that choose actors and participations (kinds, countries, roles). */
export type ActorFilters = Pick<GraphQuery, "kinds" | "countries" | "roles">;

export function passesActorFilters(e: EntityRow, query: ActorFilters): boolean {
  if (e.type === "event") return true;
  if (query.kinds && !query.kinds.includes(e.type) && !query.kinds.includes(e.kind)) return false;
  if (query.countries && ACTORS.has(e.type) && !e.countries.some((c) => query.countries!.includes(c))) return false;
  return true;
}

export function nodeOf(e: EntityRow): SerializedNode {
  const attributes: NodeAttributes = {
    label: e.name,
    category: e.type,
    kind: e.kind,
    degree: e.degree,
    countries: e.countries,
  };
  if (e.date) attributes.date = e.date;
  if (e.datePrecision) attributes.datePrecision = e.datePrecision;
  if (e.x !== null && e.y !== null) Object.assign(attributes, { x: e.x, y: e.y });
  return { key: e.id, attributes };
}

function edge(key: string, source: string, target: string, attributes: EdgeAttributes): SerializedEdge {
  return { key, source, target, attributes };
}

/** The participants of an event that are shown and take part in a role the filters keep. */
export function participantsOf(event: EventRow, shown: Map<string, EntityRow>, query: ActorFilters) {
  return event.participants.filter((p) => shown.has(p.id) && (!query.roles || query.roles.includes(p.role)));
}

/**
 * Who took part in `events` (the participants `isShown` keeps in one of `roles`, and the agreements produced where
 * one of them did) and the pairs of participants that met, each with its encounters in order.
 */
export function tiesOf<E extends EncounterRow>(
  events: E[],
  isShown: (id: string) => boolean,
  roles: string[] | undefined,
): { actors: Set<string>; pairs: Map<string, { source: string; target: string; events: E[] }> } {
  const actors = new Set<string>();
  const pairs = new Map<string, { source: string; target: string; events: E[] }>();
  for (const event of events) {
    const participants = event.participants.filter((p) => isShown(p.id) && (!roles || roles.includes(p.role)));
    if (participants.length === 0) continue;
    for (const p of participants) actors.add(p.id);
    for (const a of event.produced) if (isShown(a)) actors.add(a);
    if (!ENCOUNTERS.has(event.kind)) continue;
    const ids = [...new Set(participants.map((p) => p.id))].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `met:${ids[i]}|${ids[j]}`;
        const pair = pairs.get(key) ?? { source: ids[i]!, target: ids[j]!, events: [] };
        pair.events.push(event);
        pairs.set(key, pair);
      }
    }
  }
  return { actors, pairs };
}

/** Actors linked by `met` edges: one edge per pair, weighted by the number of encounters in the window. */
export function projectMet(events: EventRow[], shown: Map<string, EntityRow>, query: ActorFilters): SerializedGraph {
  const { actors, pairs } = tiesOf(events, (id) => shown.has(id), query.roles);
  const nodes = new Map([...actors].map((id) => [id, nodeOf(shown.get(id)!)]));
  for (const [id, e] of shown) if (!nodes.has(id) && e.type !== "event" && e.type !== "place") nodes.set(id, nodeOf(e));
  const edges = [...pairs].map(([key, pair]) => {
    const dates = pair.events
      .map((e) => e.dateStart)
      .filter((d): d is string => d !== null)
      .sort();
    return edge(key, pair.source, pair.target, {
      kind: "met",
      weight: pair.events.length,
      count: pair.events.length,
      first: dates[0] ?? null,
      last: dates.at(-1) ?? null,
      events: pair.events.map((e) => e.id),
      topics: [...new Set(pair.events.flatMap((e) => e.topics))],
    });
  });
  return { options: { type: "mixed", multi: true }, nodes: [...nodes.values()], edges };
}

/** Events (and agreements, places) as nodes, linked to the actors that took part. */
function eventGraph(events: EventRow[], shown: Map<string, EntityRow>, query: GraphQuery): SerializedGraph {
  const nodes = new Map<string, SerializedNode>();
  const edges: SerializedEdge[] = [];
  for (const event of events) {
    const participants = participantsOf(event, shown, query);
    if (participants.length === 0) continue;
    nodes.set(event.id, {
      key: event.id,
      attributes: {
        label: event.name,
        category: "event",
        kind: event.kind,
        date: event.date,
        datePrecision: event.datePrecision,
        dateStart: event.dateStart,
        topics: event.topics,
        degree: participants.length,
      },
    });
    for (const p of participants) {
      nodes.set(p.id, nodeOf(shown.get(p.id)!));
      edges.push(
        edge(`participated_in:${p.id}->${event.id}`, p.id, event.id, {
          kind: "participated_in",
          weight: 1,
          role: p.role,
        }),
      );
    }
    for (const a of event.produced) {
      if (!shown.has(a)) continue;
      nodes.set(a, nodeOf(shown.get(a)!));
      edges.push(edge(`produced:${event.id}->${a}`, event.id, a, { kind: "produced", weight: 1 }));
    }
    if (event.place && shown.has(event.place)) {
      nodes.set(event.place, nodeOf(shown.get(event.place)!));
      edges.push(edge(`at:${event.id}->${event.place}`, event.id, event.place, { kind: "at", weight: 1 }));
    }
  }
  for (const [id, e] of shown) if (!nodes.has(id) && e.type !== "place") nodes.set(id, nodeOf(e));
  return { options: { type: "mixed", multi: true }, nodes: [...nodes.values()], edges };
}

/** Keeps the `limit` most connected nodes and the edges between them. */
export function applyBudget(graph: SerializedGraph, limit: number): SerializedGraph {
  if (graph.nodes.length <= limit) return graph;
  const nodes = [...graph.nodes]
    .sort((a, b) => (b.attributes.degree ?? 0) - (a.attributes.degree ?? 0))
    .slice(0, limit);
  const keep = new Set(nodes.map((n) => n.key));
  return { ...graph, nodes, edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

/**
 * The events view within the budget: events and actors share it. Ranked by degree alone, a big database's budget
 * filled with its best-connected actors and showed no event at all; here up to half goes to the events with the
 * most participants (latest first among equals), the rest to the nodes linked to them, most connected first.
 */
export function shareBudget(graph: SerializedGraph, limit: number): SerializedGraph {
  if (graph.nodes.length <= limit) return graph;
  const isEvent = (n: SerializedNode) => n.attributes.category === "event";
  const events = graph.nodes
    .filter(isEvent)
    .sort(
      (a, b) =>
        (b.attributes.degree ?? 0) - (a.attributes.degree ?? 0) ||
        String(b.attributes.dateStart ?? "").localeCompare(String(a.attributes.dateStart ?? "")),
    )
    .slice(0, Math.ceil(limit / 2));
  const keep = new Set(events.map((n) => n.key));
  const linked = new Set<string>();
  for (const e of graph.edges) {
    if (keep.has(e.source)) linked.add(e.target);
    if (keep.has(e.target)) linked.add(e.source);
  }
  const others = graph.nodes
    .filter((n) => !isEvent(n))
    .sort(
      (a, b) =>
        Number(linked.has(b.key)) - Number(linked.has(a.key)) ||
        (b.attributes.degree ?? 0) - (a.attributes.degree ?? 0),
    )
    .slice(0, limit - events.length);
  for (const n of others) keep.add(n.key);
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.key)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}

function dedupeEdges(edges: SerializedEdge[]): SerializedEdge[] {
  const seen = new Map<string, SerializedEdge>();
  for (const e of edges) if (!seen.has(e.key)) seen.set(e.key, e);
  return [...seen.values()];
}
