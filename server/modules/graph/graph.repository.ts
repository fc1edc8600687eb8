/**
 * Graph repository
 * ================
 *
 * Reads what the overview needs from Neo4j in one read transaction and maps records to plain typed rows.
 */
import { type ManagedTransaction, int as neoInt } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { toJson, toNumber } from "../../db/values.js";

export interface EventRow {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  datePrecision: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  place: string | null;
  topics: string[];
  produced: string[];
  participants: { id: string; role: string }[];
}

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  kind: string;
  date: string | null;
  datePrecision: string | null;
  x: number | null;
  y: number | null;
  countries: string[];
  degree: number;
}

export interface LinkRow {
  source: string;
  target: string;
  kind: string;
  title: string | null;
  since: string | null;
  until: string | null;
  asOf: string | null;
}

export interface EventFilter {
  from: string | null;
  to: string | null;
  eventKinds: string[] | null;
  topics: string[] | null;
  maxEvents: number;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJson(v)));

export async function readEvents(tx: ManagedTransaction, filter: EventFilter): Promise<EventRow[]> {
  const result = await tx.run(cypher("queries/graph/events"), { ...filter, maxEvents: intParam(filter.maxEvents) });
  return result.records.map((r) => ({
    id: r.get("id"),
    name: r.get("name"),
    kind: r.get("kind"),
    date: str(r.get("date")),
    datePrecision: str(r.get("datePrecision")),
    dateStart: str(r.get("dateStart")),
    dateEnd: str(r.get("dateEnd")),
    place: str(r.get("place")),
    topics: r.get("topics"),
    produced: r.get("produced"),
    participants: (r.get("participants") as { id: string; role: string | null }[]).map((p) => ({
      id: p.id,
      role: p.role ?? "participant",
    })),
  }));
}

export async function readEntities(tx: ManagedTransaction, ids: string[]): Promise<EntityRow[]> {
  const result = await tx.run(cypher("queries/graph/entities"), { ids });
  return result.records.map((r) => ({
    id: r.get("id"),
    name: r.get("name"),
    type: r.get("type"),
    kind: r.get("kind"),
    date: str(r.get("date")),
    datePrecision: str(r.get("datePrecision")),
    x: r.get("x") === null ? null : Number(r.get("x")),
    y: r.get("y") === null ? null : Number(r.get("y")),
    countries: r.get("countries"),
    degree: toNumber(r.get("degree")),
  }));
}

export async function readTopActorIds(tx: ManagedTransaction, limit: number): Promise<string[]> {
  const result = await tx.run(cypher("queries/graph/actors"), { limit: intParam(limit) });
  return result.records.map((r) => r.get("id"));
}

export async function readLinks(tx: ManagedTransaction, ids: string[]): Promise<LinkRow[]> {
  const result = await tx.run(cypher("queries/graph/links"), { ids });
  return result.records.map((r) => ({
    source: r.get("source"),
    target: r.get("target"),
    kind: r.get("kind"),
    title: str(r.get("title")),
    since: str(r.get("since")),
    until: str(r.get("until")),
    asOf: str(r.get("asOf")),
  }));
}

/** Runs the overview's reads in one consistent read transaction. */
export function inReadTx<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return db.readTx(work, { timeoutMs: 15_000 });
}

/** LIMIT and SKIP want Neo4j integers, not floats. */
function intParam(n: number) {
  return neoInt(Math.floor(n));
}

/** The timeline's filters, as Cypher parameters (null: no filter). */
export interface TimelineFilter {
  from: string | null;
  to: string | null;
  eventKinds: string[] | null;
  topics: string[] | null;
  kinds: string[] | null;
  countries: string[] | null;
  roles: string[] | null;
}

/** Event counts per bucket: `precision` is month, year or undated. */
export async function readTimeline(
  db: Database,
  filter: TimelineFilter,
): Promise<{ precision: string; bucket: string | null; count: number }[]> {
  return db.read(
    cypher("queries/graph/timeline"),
    { ...filter },
    (r) => ({
      precision: r.get("precision") as string,
      bucket: r.get("bucket") as string | null,
      count: toNumber(r.get("count")),
    }),
    { timeoutMs: 15_000 },
  );
}
