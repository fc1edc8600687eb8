/**
 * Nodes service
 * =============
 *
 * Builds the read API's views of one node: its details (roles, events, agreements, quantities, evidence), its
 * neighbours page and ego graph, full-text search results, shortest paths through events and the events behind a
 * "met with" link.
 */
import type {
  CitationDto,
  EdgeEventsDto,
  NeighborsPageDto,
  NodeDetailsDto,
  NodeRef,
  PathDto,
  RoleDto,
  SearchResultsDto,
} from "../../../contracts/api.js";
import type { SerializedEdge, SerializedGraph, SerializedNode } from "../../../contracts/graph.js";
import { ACTOR_TYPES, ENCOUNTER_KINDS } from "../../../contracts/vocabulary.js";
import type { Database } from "../../db/database.js";
import type { ManagedTransaction } from "neo4j-driver";
import { readAsOf } from "../history/history.service.js";
import { NotFoundError } from "../../errors.js";
import { CORE_ENTITY_PROPERTIES } from "../../db/entity-properties.js";
import { readEncounterIds } from "../events/events.repository.js";
import { buildEvents, citationsFor, citationsFromRows, eventDtos, inReadTx } from "../events/events.service.js";
import {
  type NeighborRow,
  type RoleRow,
  readNeighbors,
  readNode,
  readNodeEvents,
  readPaths,
  readRefs,
  readSearch,
} from "./nodes.repository.js";
import {
  EVENTS_PAGE,
  MAX_PAGE,
  type NeighborsQuery,
  type NodeQuery,
  type PathQuery,
  type SearchQuery,
} from "./nodes.schemas.js";

function unknownNode(id: string): NotFoundError {
  return new NotFoundError(
    `Nodes: no node with id "${id}". Ids are lower-case slugs such as "hassan-rouhani"; find them with /api/search?q=.`,
  );
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((i) => [i.id, i])).values()];
}

const byLabel = (a: NodeRef, b: NodeRef) => a.label.localeCompare(b.label);

/** When a role applies, for sorting: its start, else the date it was seen, else last. */
const roleDate = (r: RoleRow) => r.since ?? r.asOf ?? r.until ?? "9999";

function toRole(row: RoleRow, citations: Map<string, CitationDto>): RoleDto {
  return {
    title: row.title,
    of: row.other,
    since: row.since,
    until: row.until,
    asOf: row.asOf,
    evidence: citationsFor(row.evidence, citations),
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Node details
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * `GET /api/nodes/:id?events=&eventsOffset=`. Events come a page at a time (default {@link EVENTS_PAGE}, oldest
 * first): a hub's details stay small and fast; `eventsTotal` says how many there are.
 */
export async function getNodeDetails(
  db: Database,
  id: string,
  page: NodeQuery = { events: EVENTS_PAGE, eventsOffset: 0 },
): Promise<NodeDetailsDto & { summary: string | null; holders: (RoleDto & { holder: NodeRef })[] }> {
  const readFound = async (tx: ManagedTransaction) => {
    const node = await readNode(tx, id);
    if (!node) return null;
    const [citations, self] = await Promise.all([
      citationsFromRows(tx, node.citations),
      node.props.type === "event" ? buildEvents(tx, [id]) : Promise.resolve([]),
    ]);
    return { node, citations, self: self[0] ?? null };
  };
  const readEventPage = async (tx: ManagedTransaction) => {
    const { total, events } = await readNodeEvents(tx, id, page.events, page.eventsOffset);
    return { total, events: await eventDtos(tx, events) };
  };
  // Two transactions at once: the node with its own citations (and, for an event node, the event itself), and
  // the page of its events, which is most of the work for a hub. As of a date, both in the one rewound
  // transaction (server/modules/history): two rewinds would cost twice and wait for each other's locks.
  const [found, eventPage] = page.asOf
    ? await readAsOf(db, page.asOf, async (tx) => [await readFound(tx), await readEventPage(tx)] as const)
    : await Promise.all([inReadTx(db, readFound), inReadTx(db, readEventPage)]);
  if (!found) throw unknownNode(id);
  const { node, citations, self } = found;
  const p = node.props;
  const properties = Object.fromEntries(Object.entries(p).filter(([key]) => !CORE_ENTITY_PROPERTIES.has(key)));
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id,
    label: text(p.name) ?? id,
    category: text(p.type) ?? "unknown",
    kind: text(p.kind) ?? text(p.type) ?? "unknown",
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    description: text(p.description),
    summary: text(p.summary),
    date: text(p.date),
    datePrecision: text(p.datePrecision),
    status: text(p.status),
    properties,
    countries: dedupe(node.countries).sort(byLabel),
    roles: [...node.roles]
      .sort((a, b) => roleDate(a).localeCompare(roleDate(b)) || a.title.localeCompare(b.title))
      .map((r) => toRole(r, citations)),
    holders: [...node.holders]
      .sort((a, b) => roleDate(a).localeCompare(roleDate(b)) || a.other.label.localeCompare(b.other.label))
      .map((r) => ({
        ...toRole(r, citations),
        of: { id, label: text(p.name) ?? id, category: text(p.type) ?? "unknown", kind: text(p.kind) ?? "unknown" },
        holder: r.other,
      })),
    events: eventPage.events,
    eventsTotal: eventPage.total,
    eventsOffset: page.eventsOffset,
    event: self,
    agreements: dedupe(node.agreements).sort(byLabel),
    agreementsTotal: node.agreementsTotal,
    parties: dedupe(node.parties).sort(byLabel),
    quantities: node.quantities.map((q) => ({
      id: q.id,
      measure: q.measure,
      value: q.value,
      unit: q.unit,
      period: q.period,
      qualifier: q.qualifier,
      asOf: q.asOf,
      evidence: citationsFor(q.evidence, citations),
    })),
    evidence: citationsFor(node.evidence, citations),
    degree: node.degree,
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Neighbours
 * -------------------------------------------------------------------------------------------------------------- */

function graphNode(ref: NodeRef & { degree: number }): SerializedNode {
  return { key: ref.id, attributes: { label: ref.label, category: ref.category, kind: ref.kind, degree: ref.degree } };
}

function neighborEdges(centre: string, row: NeighborRow): SerializedEdge[] {
  const other = row.node.id;
  // Several roles or links of one kind between the same two nodes become one edge, weighted by their number.
  const byKey = new Map<string, SerializedEdge>();
  for (const link of row.links) {
    const source = link.source === other ? other : centre;
    const target = source === centre ? other : centre;
    const key = link.kind === "met" ? `met:${[centre, other].sort().join("|")}` : `${link.kind}:${source}->${target}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.attributes.weight += link.weight;
      existing.attributes.evidence = Number(existing.attributes.evidence ?? 0) + link.evidence;
      continue;
    }
    byKey.set(key, {
      key,
      source,
      target,
      attributes: {
        kind: link.kind,
        weight: link.weight,
        evidence: link.evidence,
        ...(link.kind === "met" ? { events: link.via } : {}),
      },
    });
  }
  return [...byKey.values()];
}

/** `GET /api/nodes/:id/neighbors`: one page ordered by evidence count then name, with its ego graph. */
export async function getNeighbors(db: Database, id: string, query: NeighborsQuery): Promise<NeighborsPageDto> {
  const found = await inReadTx(db, (tx) => readNeighbors(tx, id, ACTOR_TYPES, query.offset, query.limit));
  if (!found) throw unknownNode(id);
  const items = found.page.map((row) => ({
    id: row.node.id,
    label: row.node.label,
    category: row.node.category,
    kind: row.node.kind,
    evidenceCount: row.evidenceCount,
    via: [...new Set(row.links.flatMap((l) => l.via))],
  }));
  const graph: SerializedGraph = {
    attributes: { centre: id },
    options: { type: "mixed", multi: true },
    nodes: [graphNode(found.centre), ...found.page.map((row) => graphNode(row.node))],
    edges: found.page.flatMap((row) => neighborEdges(id, row)),
  };
  return { id, total: found.total, offset: query.offset, limit: query.limit, items, graph };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Search
 * -------------------------------------------------------------------------------------------------------------- */

/** Lucene's English stop words: the index drops them, so requiring them would find nothing. */
const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Folds text the way the `standard-folding` analyzer does: lower case, no diacritics (`Çavuşoğlu` → `cavusoglu`). */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .replace(/[đð]/g, "d")
    .replace(/ł/g, "l")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/þ/g, "th");
}

/** Backslash-escapes every character that means something to Lucene's query parser. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&");
}

/** The words of a search, folded; words are split where the index's tokenizer splits them. */
export function searchTokens(q: string): string[] {
  const words = foldText(q)
    .split(/[^\p{L}\p{N}'’.]+/u)
    .map((w) => w.replace(/^['’.]+|['’.]+$/g, ""))
    .filter(Boolean);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return content.length > 0 ? content : words;
}

/**
 * Builds the Lucene query: every word is required, as a whole word (boosted) or as a prefix, so `rouh` finds
 * Rouhani and `hassan rouh` finds only him. Words are folded here because Lucene does not analyse prefix terms.
 */
export function luceneQuery(tokens: string[]): string {
  return tokens
    .map((t) => {
      const term = escapeLucene(t);
      return `+(${term}^3 ${term}*)`;
    })
    .join(" ");
}

function covers(text: string, tokens: string[]): boolean {
  const words = foldText(text).split(/[^\p{L}\p{N}]+/u);
  return tokens.every((t) => t.split(/[^\p{L}\p{N}]+/u).every((part) => words.some((w) => w.startsWith(part))));
}

/** `GET /api/search`: ranked matches over names, aliases and role titles; `matched` names the alias or title. */
export async function search(db: Database, query: SearchQuery): Promise<SearchResultsDto> {
  const tokens = searchTokens(query.q);
  if (tokens.length === 0) return { results: [] };
  const rows = await inReadTx(db, (tx) => readSearch(tx, luceneQuery(tokens), query.limit));
  return {
    results: rows.map((row) => {
      let matched: string | null = null;
      if (!covers(row.label, tokens))
        matched = row.aliases.find((a) => covers(a, tokens)) ?? row.titles.find((t) => covers(t, tokens)) ?? null;
      return {
        id: row.id,
        label: row.label,
        category: row.category,
        kind: row.kind,
        score: Math.round(row.score * 1000) / 1000,
        matched,
      };
    }),
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Paths and edges
 * -------------------------------------------------------------------------------------------------------------- */

async function requireNodes(tx: Parameters<typeof readRefs>[0], ids: string[]) {
  const refs = await readRefs(tx, ids);
  const found = new Map(refs.map((r) => [r.id, r]));
  for (const id of ids) if (!found.has(id)) throw unknownNode(id);
  return found;
}

/** `GET /api/path`: up to `limit` shortest paths actor–event–actor…, with the graph they draw. */
export async function findPaths(db: Database, query: PathQuery): Promise<PathDto> {
  return inReadTx(db, async (tx) => {
    // Two round trips: the paths (none when an end is unknown), then the references of both ends and of every
    // node on a path in one query, which also tells which end is unknown.
    const paths = await readPaths(tx, query.from, query.to, query.max, query.limit);
    const ids = [...new Set(paths.flatMap((p) => p.ids))];
    const found = await requireNodes(tx, [...new Set([query.from, query.to, ...ids])]);
    const refs = ids.map((id) => found.get(id)).filter((r): r is NodeRef & { degree: number } => r !== undefined);
    const edges = new Map<string, SerializedEdge>();
    for (const link of paths.flatMap((p) => p.links)) {
      const key = `participated_in:${link.source}->${link.target}`;
      edges.set(key, {
        key,
        source: link.source,
        target: link.target,
        attributes: { kind: "participated_in", weight: 1, role: link.role },
      });
    }
    return {
      from: query.from,
      to: query.to,
      paths: paths.map((p) => p.ids),
      graph: {
        attributes: { from: query.from, to: query.to },
        options: { type: "mixed", multi: true },
        nodes: refs.map(graphNode),
        edges: [...edges.values()],
      },
    };
  });
}

/** `GET /api/edges/:source/:target`: the encounters both took part in, oldest first, and how many articles report them. */
export async function getEdgeEvents(db: Database, source: string, target: string): Promise<EdgeEventsDto> {
  return inReadTx(db, async (tx) => {
    const found = await requireNodes(tx, [source, target]);
    const ids = await readEncounterIds(tx, source, target, ENCOUNTER_KINDS, MAX_PAGE);
    const strip = ({ degree: _degree, ...ref }: NodeRef & { degree: number }): NodeRef => ref;
    const events = await buildEvents(tx, ids);
    // One summit reported by ten outlets is one meeting and ten reports: the link says both.
    const reportCount = new Set(events.flatMap((e) => e.reports.map((r) => r.article.id))).size;
    return { source: strip(found.get(source)!), target: strip(found.get(target)!), events, reportCount };
  });
}
