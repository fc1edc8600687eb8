/**
 * Nodes repository
 * ================
 *
 * Reads a node's details, its events, neighbours, full-text matches and shortest paths from Neo4j, in the caller's
 * read transaction, and maps records to plain typed rows.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { NodeRef } from "../../../contracts/api.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { toJsonMap, toNumber } from "../../db/values.js";
import {
  type CitationRow,
  type EventRow,
  citationRow,
  eventRow,
  intParam,
  nodeRef,
  num,
  str,
} from "../events/events.repository.js";

export interface RoleRow {
  title: string;
  since: string | null;
  until: string | null;
  asOf: string | null;
  evidence: string[];
  other: NodeRef;
}

export interface NodeRow {
  props: Record<string, unknown>;
  degree: number;
  countries: NodeRef[];
  roles: RoleRow[];
  holders: RoleRow[];
  /** The first AGREEMENTS_SHOWN by name, and how many there are. */
  agreements: NodeRef[];
  agreementsTotal: number;
  parties: NodeRef[];
  quantities: {
    id: string;
    measure: string;
    value: number;
    unit: string;
    period: string | null;
    qualifier: string | null;
    asOf: string | null;
    evidence: string[];
  }[];
  evidence: string[];
  /** Citations of every evidence id above (the node's own, its roles' and its quantities'). */
  citations: CitationRow[];
}

export interface NeighborLink {
  kind: string;
  via: string[];
  weight: number;
  evidence: number;
  source: string;
}

export interface NeighborRow {
  node: NodeRef & { degree: number };
  links: NeighborLink[];
  evidenceCount: number;
}

export interface SearchRow extends NodeRef {
  aliases: string[];
  titles: string[];
  score: number;
}

export interface PathRow {
  ids: string[];
  links: { source: string; target: string; role: string }[];
}

/* ----------------------------------------------------------------------------------------------------------------
 * Record shapes: what each query returns, as the driver gives it
 * -------------------------------------------------------------------------------------------------------------- */

type Raw = Record<string, unknown>;

interface NodeRecord {
  props: Raw;
  degree: unknown;
  countries: unknown[];
  roles: Raw[];
  holders: Raw[];
  agreements: unknown[];
  agreementsTotal: unknown;
  parties: unknown[];
  quantities: Raw[];
  evidence: string[];
  citations: unknown[];
}

interface NodeEventsRecord {
  total: unknown;
  complete: boolean;
  event: unknown;
}

interface NeighborsRecord {
  centre: Raw;
  total: unknown;
  page: { node: Raw; evidenceCount: unknown; links: Raw[] }[];
}

interface SearchRecord {
  id: string;
  name: string;
  type: string;
  kind: string;
  aliases: string[];
  titles: string[];
  score: unknown;
}

type RawLink = { source: string; target: string; role: string | null };
type RawPath = { ids: string[]; links: RawLink[] };

function roleRow(m: Raw, otherKey: "of" | "holder"): RoleRow {
  return {
    title: String(m.title),
    since: str(m.since),
    until: str(m.until),
    asOf: str(m.asOf),
    evidence: Array.isArray(m.evidence) ? m.evidence.map(String) : [],
    other: nodeRef(m[otherKey]),
  };
}

function withDegree(value: Raw): NodeRef & { degree: number } {
  return { ...nodeRef(value), degree: toNumber(value.degree) };
}

/** Agreements listed in a node's details; a topic can be the subject of thousands. */
export const AGREEMENTS_SHOWN = 100;

/**
 * The node's own data, or null when no entity has this id. `walk` as for {@link readNodeEvents}: `auto` reads a
 * topic's first agreements from the agreement name index when that is cheaper, the others force one way.
 */
export async function readNode(tx: ManagedTransaction, id: string, walk: EventsWalk = "auto"): Promise<NodeRow | null> {
  const result = await tx.run<NodeRecord>(cypher("queries/nodes/node"), {
    id,
    agreementsLimit: intParam(AGREEMENTS_SHOWN),
    walk,
  });
  const r = result.records[0];
  if (!r) return null;
  return {
    props: toJsonMap(r.get("props")),
    degree: toNumber(r.get("degree")),
    countries: r.get("countries").map(nodeRef),
    roles: r.get("roles").map((v) => roleRow(v, "of")),
    holders: r.get("holders").map((v) => roleRow(v, "holder")),
    agreements: r.get("agreements").map(nodeRef),
    agreementsTotal: toNumber(r.get("agreementsTotal")),
    parties: r.get("parties").map(nodeRef),
    quantities: r.get("quantities").map((q) => ({
      id: String(q.id),
      measure: String(q.measure),
      value: toNumber(q.value),
      unit: String(q.unit),
      period: str(q.period),
      qualifier: str(q.qualifier),
      asOf: str(q.asOf),
      evidence: Array.isArray(q.evidence) ? q.evidence.map(String) : [],
    })),
    evidence: r.get("evidence"),
    citations: r.get("citations").map(citationRow),
  };
}

/**
 * How node-events.cypher reads a page: `auto` picks the cheaper way, sorting all of the node's events or walking
 * the event date index (dense nodes); the others force one, so tests can compare them.
 */
export type EventsWalk = "auto" | "always" | "never";

/** One page of the events a node is involved in, oldest first, and how many there are (0 for an unknown id). */
export async function readNodeEvents(
  tx: ManagedTransaction,
  id: string,
  limit: number,
  offset: number,
  walk: EventsWalk = "auto",
): Promise<{ total: number; events: EventRow[] }> {
  const result = await tx.run<NodeEventsRecord>(cypher("queries/nodes/node-events"), {
    id,
    limit: intParam(limit),
    offset: intParam(offset),
    walk,
  });
  // The index walk ran out of dated events before the page was full: the page reaches the undated ones.
  if (result.records[0]?.get("complete") === false) return readNodeEvents(tx, id, limit, offset, "never");
  return {
    total: toNumber(result.records[0]?.get("total") ?? 0),
    events: result.records.filter((r) => r.get("event") !== null).map((r) => eventRow(r.get("event"))),
  };
}

/**
 * One page of neighbours and the total, or null when the centre does not exist. `walk` as for
 * {@link readNodeEvents}: `auto` reads a hub's page from the evidence-rank index, the others force one way.
 */
export async function readNeighbors(
  tx: ManagedTransaction,
  id: string,
  actorTypes: readonly string[],
  offset: number,
  limit: number,
  walk: EventsWalk = "auto",
): Promise<{ centre: NodeRef & { degree: number }; total: number; page: NeighborRow[] } | null> {
  const result = await tx.run<NeighborsRecord>(cypher("queries/nodes/neighbors"), {
    id,
    actorTypes: [...actorTypes],
    offset: intParam(offset),
    limit: intParam(limit),
    walk,
  });
  const r = result.records[0];
  if (!r) return null;
  return {
    centre: withDegree(r.get("centre")),
    total: toNumber(r.get("total")),
    page: r.get("page").map((row) => ({
      node: withDegree(row.node),
      evidenceCount: toNumber(row.evidenceCount),
      links: row.links.map((l) => ({
        kind: String(l.kind),
        via: Array.isArray(l.via) ? l.via.map(String) : [],
        weight: toNumber(l.weight),
        evidence: toNumber(l.evidence),
        source: String(l.source),
      })),
    })),
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Stored evidence rank: kept by every write that changes an event's or agreement's citations
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Sets the stored evidence rank (cypher/fragments/evidence-rank.cypher) of the given entities again, in the caller's
 * write transaction: after a write changed their citations or their type (curation's applyState does it).
 */
export async function refreshEvidenceRanks(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(cypher("queries/nodes/evidence-rank-refresh"), { ids });
}

/**
 * Sets the stored count of agreements about each topic (cypher/fragments/agreements-about.cypher) again, in the
 * caller's write transaction: for the topics among `ids` (ids that are not topics are skipped).
 */
export async function refreshAgreementsAbout(tx: ManagedTransaction, ids: Iterable<string>): Promise<void> {
  const topics = [...new Set(ids)];
  if (topics.length === 0) return;
  await tx.run(cypher("queries/nodes/agreements-about-refresh"), { ids: topics });
}

/** The topics among `ids` and those they are about: whose stored agreement count a write to them may change. */
export async function readTopicsLinked(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<{ id: string }>(cypher("queries/nodes/topics-linked"), { ids });
  return result.records.map((r) => r.get("id"));
}

/**
 * Start-up migration: events and agreements loaded before the evidence rank was stored (or whose rank an older
 * Parley left stale) get it, and topics their count of agreements, in committed batches; a database already right
 * is only read. Returns whether it wrote.
 */
export async function stampEvidenceRanks(db: Database): Promise<boolean> {
  const [stale] = await db.read(cypher("queries/nodes/evidence-rank-stale"), {}, (r) => r.get("stale") === true);
  if (!stale) return false;
  await db.writeInBatches(cypher("queries/nodes/evidence-rank-stamp"), {});
  await db.writeInBatches(cypher("queries/nodes/agreements-about-stamp"), {});
  return true;
}

/** Full-text matches for an already escaped Lucene query, best first. */
export async function readSearch(tx: ManagedTransaction, query: string, limit: number): Promise<SearchRow[]> {
  const result = await tx.run<SearchRecord>(cypher("queries/nodes/search"), { query, limit: intParam(limit) });
  return result.records.map((r) => ({
    ...nodeRef({ id: r.get("id"), name: r.get("name"), type: r.get("type"), kind: r.get("kind") }),
    aliases: r.get("aliases"),
    titles: r.get("titles"),
    score: num(r.get("score")) ?? 0,
  }));
}

/** The entities among `ids` that exist, with degree. */
export async function readRefs(tx: ManagedTransaction, ids: string[]): Promise<(NodeRef & { degree: number })[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<{ node: Raw }>(cypher("queries/nodes/refs"), { ids });
  return result.records.map((r) => withDegree(r.get("node")));
}

/** Shortest paths through events of at most `max` hops (an integer from the validated query). */
export async function readPaths(
  tx: ManagedTransaction,
  from: string,
  to: string,
  max: number,
  limit: number,
): Promise<PathRow[]> {
  // Variable-length bounds cannot be parameters; `max` is a validated integer, never user text.
  const params = { from, to, limit: intParam(limit) };
  const hops = { max: Math.floor(max) };
  const result = await tx.run<{ paths: RawPath[]; found: unknown }>(cypher("queries/nodes/path", hops), params);
  const record = result.records[0];
  if (!record) return [];
  let paths = record.get("paths");
  if (paths.length === 0 && toNumber(record.get("found")) > 0) {
    // Every shortest path crosses a subject's or reporter's link or a rejected event: search with the restriction.
    const walkable = await tx.run<{ path: RawPath }>(cypher("queries/nodes/path-walkable", hops), params);
    paths = walkable.records.map((r) => r.get("path"));
  }
  return paths.map((p) => ({ ids: p.ids, links: p.links.map((l) => ({ ...l, role: l.role ?? "participant" })) }));
}
