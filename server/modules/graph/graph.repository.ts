/**
 * Graph repository
 * ================
 *
 * Reads what the overview needs from Neo4j in one read transaction and maps records to plain typed rows; and the
 * who-met-whom summary behind the level-of-detail overview (graph.lod.ts).
 */
import { type Integer, type ManagedTransaction, type Record as Neo4jRecord, int as neoInt } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { type IdRecord, toJson, toNumber } from "../../db/values.js";

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

/** An event as the who-met-whom projection counts it: its kind, who took part in which role, what it produced. */
export type EncounterRow = Pick<EventRow, "id" | "kind" | "participants" | "produced">;

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

/* ----------------------------------------------------------------------------------------------------------------
 * Record shapes: what each query returns, as the driver gives it
 * -------------------------------------------------------------------------------------------------------------- */

/** A record of queries/graph/events: an EventRow whose participants may lack a role. */
type EventRecord = Omit<EventRow, "participants"> & { participants: { id: string; role: string | null }[] };

/** A record of queries/graph/entities: an EntityRow whose degree is still a Neo4j integer. */
type EntityRecord = Omit<EntityRow, "degree"> & { degree: Integer };

/** A record of queries/graph/links: a LinkRow whose title and dates are still driver values (str() reads them). */
type LinkRecord = Pick<LinkRow, "source" | "target" | "kind"> & Record<"title" | "since" | "until" | "asOf", unknown>;

/** A record of queries/graph/timeline. */
interface TimelineRecord {
  precision: string;
  bucket: string | null;
  count: Integer;
}

/** Dates and titles as text (a stored temporal becomes its ISO string). */
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJson(v)));

export async function readEvents(tx: ManagedTransaction, filter: EventFilter): Promise<EventRow[]> {
  const result = await tx.run<EventRecord>(cypher("queries/graph/events"), {
    ...filter,
    maxEvents: intParam(filter.maxEvents),
  });
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
    participants: r.get("participants").map((p) => ({
      id: p.id,
      role: p.role ?? "participant",
    })),
  }));
}

/** The events that pass `filter`, reduced to what counting encounters needs (queries/graph/encounters). */
export async function readEncounters(tx: ManagedTransaction, filter: EventFilter): Promise<EncounterRow[]> {
  const result = await tx.run<EncounterRow>(cypher("queries/graph/encounters"), {
    ...filter,
    maxEvents: intParam(filter.maxEvents),
  });
  return result.records.map((r) => ({
    id: r.get("id"),
    kind: r.get("kind"),
    participants: r.get("participants"),
    produced: r.get("produced"),
  }));
}

export async function readEntities(tx: ManagedTransaction, ids: string[]): Promise<EntityRow[]> {
  const result = await tx.run<EntityRecord>(cypher("queries/graph/entities"), { ids });
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
  const result = await tx.run<IdRecord>(cypher("queries/graph/actors"), { limit: intParam(limit) });
  return result.records.map((r) => r.get("id"));
}

export async function readLinks(tx: ManagedTransaction, ids: string[]): Promise<LinkRow[]> {
  const result = await tx.run<LinkRecord>(cypher("queries/graph/links"), { ids });
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
    (r: Neo4jRecord<TimelineRecord>) => ({
      precision: r.get("precision"),
      bucket: r.get("bucket"),
      count: toNumber(r.get("count")),
    }),
    { timeoutMs: 15_000 },
  );
}

/* ----------------------------------------------------------------------------------------------------------------
 * Level of detail: the whole MET projection in compact form (graph.lod.ts builds the view and caches it)
 * -------------------------------------------------------------------------------------------------------------- */

/** The community of actors that belong to no country. */
export const UNAFFILIATED = "unaffiliated";

/** One actor of the summary, as read from the database. */
export interface LodActor {
  id: string;
  name: string;
  type: string;
  kind: string;
  x: number | null;
  y: number | null;
  community: string;
  /** MET degree: distinct actors met (the centrality used for ranking). */
  degree: number;
}

/** The whole who-met-whom projection in compact form: actors, and MET pairs as indexes into `actors`. */
export interface LodSummary {
  actors: LodActor[];
  sources: Uint32Array;
  targets: Uint32Array;
  counts: Uint32Array;
  /** Community id → display name (country names). */
  communityNames: Map<string, string>;
}

/** A record of queries/graph/lod-version. */
interface LodVersionRecord {
  actors: Integer;
  nodes: Integer;
  met: Integer;
  rels: Integer;
}

/** A record of queries/graph/lod-actors. */
interface LodActorRecord {
  id: string;
  name: string | null;
  type: string;
  kind: string | null;
  x: number | null;
  y: number | null;
  community: string | null;
  degree: Integer;
}

/** A record of queries/graph/lod-met. */
interface LodMetRecord {
  source: string;
  target: string;
  count: Integer | null;
}

/** Actor count and a cheap data version (counts from the count store). */
export async function readLodVersion(db: Database): Promise<{ actors: number; version: string }> {
  const [row] = await db.read(cypher("queries/graph/lod-version"), {}, (r: Neo4jRecord<LodVersionRecord>) => ({
    actors: toNumber(r.get("actors")),
    version: `${toNumber(r.get("actors"))}:${toNumber(r.get("nodes"))}:${toNumber(r.get("met"))}:${toNumber(r.get("rels"))}`,
  }));
  return row ?? { actors: 0, version: "empty" };
}

/** Reads every actor with its community and MET degree, and every MET pair, in one read transaction. */
export async function readLodSummaryRows(db: Database): Promise<LodSummary> {
  return db.readTx(
    async (tx) => {
      const actorResult = await tx.run<LodActorRecord>(cypher("queries/graph/lod-actors"));
      const actors: LodActor[] = [];
      const index = new Map<string, number>();
      const communityNames = new Map<string, string>([[UNAFFILIATED, "Unaffiliated"]]);
      for (const r of actorResult.records) {
        const actor: LodActor = {
          id: r.get("id"),
          name: r.get("name") ?? r.get("id"),
          type: r.get("type"),
          kind: r.get("kind") ?? r.get("type"),
          x: r.get("x") === null ? null : Number(r.get("x")),
          y: r.get("y") === null ? null : Number(r.get("y")),
          community: r.get("community") ?? UNAFFILIATED,
          degree: toNumber(r.get("degree")),
        };
        index.set(actor.id, actors.length);
        actors.push(actor);
        if (actor.type === "country") communityNames.set(actor.id, actor.name);
      }
      const metResult = await tx.run<LodMetRecord>(cypher("queries/graph/lod-met"));
      const n = metResult.records.length;
      const sources = new Uint32Array(n);
      const targets = new Uint32Array(n);
      const counts = new Uint32Array(n);
      let k = 0;
      for (const r of metResult.records) {
        const s = index.get(r.get("source"));
        const t = index.get(r.get("target"));
        if (s === undefined || t === undefined) continue;
        sources[k] = s;
        targets[k] = t;
        counts[k] = toNumber(r.get("count")) || 1;
        k++;
      }
      return {
        actors,
        sources: sources.subarray(0, k),
        targets: targets.subarray(0, k),
        counts: counts.subarray(0, k),
        communityNames,
      };
    },
    { timeoutMs: 120_000 },
  );
}
