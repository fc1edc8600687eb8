/**
 * Import writer
 * =============
 *
 * Writes a validated import file into Neo4j in ONE write transaction made of batched `UNWIND … MERGE` statements:
 * the whole file lands, or (on any error, or a killed process) none of it. Loads are idempotent: nodes, links and
 * evidence are merged on their application ids, and the `MET` projection is refreshed for the touched actors only.
 */
import { evidenceId } from "./evidence-id.js";
import type { ManagedTransaction } from "neo4j-driver";
import type { Citation, ImportFile } from "../../../contracts/import-format.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import { ENCOUNTER_KINDS, type LinkType as AnyLinkType, type NodeType } from "../../../contracts/vocabulary.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import type { EntityLabel } from "../../db/labels.js";
import { toNumber } from "../../db/values.js";
import { dateRange } from "../graph/graph.schemas.js";
import { screenRejected, writeSuggestions } from "../curation/import-hooks.js";

/** Rows per UNWIND statement: 5,000 loaded about 1.9× faster than 1,000 at 100k rows (docs/benchmarks.md). */
export const BATCH_SIZE = 5_000;

/** Type labels of entities (a closed list: they are put into Cypher text). */
export const LABELS: Record<NodeType, EntityLabel> = {
  person: "Person",
  government: "Government",
  organization: "Organization",
  country: "Country",
  place: "Place",
  agreement: "Agreement",
  event: "Event",
  topic: "Topic",
};

/**
 * The link types the writer creates from node fields, in writing order (a closed list: they are put into Cypher
 * text); roles are written apart.
 */
export const LINK_TYPES = [
  "IN_COUNTRY",
  "PART_OF",
  "PARTICIPATED_IN",
  "AT",
  "ABOUT",
  "PRODUCED",
  "PARTY_TO",
] as const satisfies readonly AnyLinkType[];
export type LinkType = (typeof LINK_TYPES)[number];

/** Properties the writer itself sets on entities; everything else on an entity is the import's free `properties`. */
export const CORE_ENTITY_PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "type",
  "kind",
  "name",
  "aliases",
  "aliasText",
  "titleText",
  "description",
  "status",
  "date",
  "datePrecision",
  "dateStart",
  "dateEnd",
  "summary",
  "x",
  "y",
  "createdAt",
  "updatedAt",
]);

export type Progress = (step: string, done: number, total: number) => void;

let batchSize = BATCH_SIZE;

/** Overrides the rows per UNWIND statement (the benchmark measures several); returns the previous value. */
export function setBatchSize(size: number): number {
  const previous = batchSize;
  batchSize = Math.max(1, Math.floor(size));
  return previous;
}

export function* batches<T>(rows: T[], size = batchSize): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Runs `query` once per batch of `rows` (as `$rows`, beside `params`), reporting progress after each. */
export async function runBatched(
  tx: ManagedTransaction,
  query: string,
  rows: unknown[],
  progress: Progress | undefined,
  step: string,
  params: Record<string, unknown> = {},
): Promise<void> {
  let done = 0;
  for (const batch of batches(rows)) {
    await tx.run(query, { ...params, rows: batch });
    done += batch.length;
    progress?.(step, done, rows.length);
  }
}

type Row = Record<string, unknown>;

/** A link stated by a node field (participants, topics, place…); a participation states its role, no other link has a property. */
export interface LinkRow {
  source: string;
  target: string;
  role: string | null;
}

/** Everything an import writes, as the rows of each statement (built once; written by one or several transactions). */
export interface ImportPlan {
  articles: Row[];
  /** Nodes in "replace" mode: the links they own are cleared before the file states them afresh. */
  replaceIds: string[];
  nodes: Map<NodeType, Row[]>;
  links: Map<LinkType, LinkRow[]>;
  quantities: (Row & { id: string; about: string[] })[];
  roles: (Row & { person: string; of: string })[];
  evidence: (Row & { id: string; subject: string; article: string })[];
  /** Actors whose encounters the file states (their MET links are refreshed). */
  participants: Set<string>;
}

/** Turns a (screened) import file into the rows of every statement the writer runs. */
export function planImport(file: ImportFile): ImportPlan {
  const articles = file.articles.map((a) => ({
    id: a.id,
    title: a.title,
    publisher: a.publisher ?? null,
    url: a.url ?? null,
    published: a.published ?? null,
    publishedPrecision: a.publishedPrecision ?? null,
    publishedNote: a.publishedNote ?? null,
    publishedStart: a.published ? dateRange(a.published).first : null,
    language: a.language,
    file: a.file ?? null,
    dateline: a.dateline ?? null,
    sha256: a.sha256 ?? null,
    text: a.text ?? null,
  }));

  const nodes = new Map<NodeType, Row[]>();
  for (const type of Object.keys(LABELS) as NodeType[]) nodes.set(type, []);
  for (const n of file.nodes) {
    const range = n.date ? dateRange(n.date) : null;
    nodes.get(n.type)!.push({
      id: n.id,
      type: n.type,
      kind: n.kind ?? n.type,
      name: n.name,
      aliases: n.aliases,
      description: n.description ?? null,
      status: n.status ?? null,
      date: n.date ?? null,
      datePrecision: n.datePrecision ?? (n.date ? precisionOf(n.date) : null),
      dateStart: range?.first ?? null,
      dateEnd: range?.last ?? null,
      summary: n.summary ?? null,
      x: n.x ?? null,
      y: n.y ?? null,
      properties: n.properties,
      extend: n.mode === "extend",
    });
  }

  const links = new Map<LinkType, LinkRow[]>();
  for (const type of LINK_TYPES) links.set(type, []);
  const participants = new Set<string>();
  const add = (type: LinkType, source: string, target: string, role: string | null = null) => {
    links.get(type)!.push({ source, target, role });
  };
  // Each link type comes from one field of one node, so a link can only be stated twice within one list: such a
  // repeat becomes one link, with the last role stated, and the rows of every statement are distinct.
  // (The last statement of a key wins, at the place of its first.)
  const distinct = <T>(list: readonly T[], key: (item: T) => string): T[] => {
    if (list.length < 2) return list as T[];
    const byKey = new Map<string, T>();
    for (const item of list) byKey.set(key(item), item);
    return byKey.size === list.length ? (list as T[]) : [...byKey.values()];
  };
  for (const n of file.nodes) {
    if (n.country) add("IN_COUNTRY", n.id, n.country);
    if (n.partOf) add("PART_OF", n.id, n.partOf);
    if (n.place) add("AT", n.id, n.place);
    for (const t of distinct(n.topics, (t) => t)) add("ABOUT", n.id, t);
    for (const a of distinct(n.produced, (a) => a)) add("PRODUCED", n.id, a);
    for (const p of distinct(n.parties, (p) => p)) add("PARTY_TO", p, n.id);
    for (const p of distinct(n.participants, (p) => p.actor)) {
      add("PARTICIPATED_IN", p.actor, n.id, p.role ?? null);
      participants.add(p.actor);
    }
  }

  const evidence: ImportPlan["evidence"] = [];
  const cite = (subject: string, citations: Citation[]) =>
    citations.map((c) => {
      const id = evidenceId(subject, c);
      evidence.push({
        id,
        subject,
        article: c.article,
        paragraph: c.paragraph ?? null,
        start: c.start ?? null,
        end: c.end ?? null,
        by: c.by,
        note: c.note ?? null,
      });
      return id;
    });
  const quantities = file.quantities.map((q) => ({
    id: q.id,
    measure: q.measure,
    value: q.value,
    unit: q.unit,
    period: q.period ?? null,
    note: q.note ?? null,
    about: q.about,
  }));
  for (const n of file.nodes) cite(n.id, n.evidence);
  for (const q of file.quantities) cite(q.id, q.evidence);
  const roles = file.roles.map((r) => ({
    person: r.person,
    of: r.of,
    title: r.title,
    since: r.since ?? null,
    until: r.until ?? null,
    asOf: r.asOf ?? null,
    // Role evidence ids are stored on the relationship; the Evidence nodes link to the person.
    evidence: cite(r.person, r.evidence),
  }));

  return {
    articles,
    replaceIds: file.nodes.filter((n) => n.mode === "replace").map((n) => n.id),
    nodes,
    links,
    quantities,
    roles,
    evidence,
    participants,
  };
}

/** Rows a plan writes (the unit of the staging threshold and of the load benchmark). */
export function planRows(plan: ImportPlan): number {
  let rows = plan.articles.length + plan.quantities.length + plan.roles.length + plan.evidence.length;
  for (const list of plan.nodes.values()) rows += list.length;
  for (const list of plan.links.values()) rows += list.length;
  return rows;
}

/** Runs a plan's statements in `tx`; returns the actors whose encounters may have changed. */
export async function applyPlan(tx: ManagedTransaction, plan: ImportPlan, progress?: Progress): Promise<Set<string>> {
  await runBatched(tx, cypher("queries/ingest/articles"), plan.articles, progress, "articles");

  // Links owned by the nodes of this file are stated afresh; remember whose encounters may change.
  const touchedActors = new Set(plan.participants);
  for (const batch of batches(plan.replaceIds)) {
    const result = await tx.run(cypher("queries/ingest/clear-owned-links"), { ids: batch });
    for (const r of result.records) if (r.get("actor")) touchedActors.add(r.get("actor"));
  }
  for (const [type, rows] of plan.nodes) {
    if (rows.length)
      await runBatched(tx, cypher("queries/ingest/nodes", { label: LABELS[type] }), rows, progress, `${type} nodes`);
  }
  for (const [type, rows] of plan.links)
    await runBatched(tx, cypher("queries/ingest/links", { type }), rows, progress, `${type} links`);
  await runBatched(tx, cypher("queries/ingest/quantities"), plan.quantities, progress, "quantities");
  await runBatched(tx, cypher("queries/ingest/roles"), plan.roles, progress, "roles");
  let done = 0;
  for (const batch of batches(plan.evidence)) {
    const result = await tx.run(cypher("queries/ingest/evidence"), { rows: batch });
    for (const r of result.records) touchedActors.add(r.get("actor") as string);
    done += batch.length;
    progress?.("evidence", done, plan.evidence.length);
  }
  return touchedActors;
}

/** The summary of a written plan. */
export function summarize(
  file: ImportFile,
  plan: ImportPlan,
  extra: Pick<ImportSummary, "metLinks" | "elapsedMs" | "skippedRejected" | "suggestions">,
): ImportSummary {
  let links = 0;
  for (const list of plan.links.values()) links += list.length;
  const { suggestions, ...rest } = extra;
  return {
    articles: file.articles.length,
    nodes: file.nodes.length,
    links,
    roles: file.roles.length,
    quantities: file.quantities.length,
    evidence: plan.evidence.length,
    ...rest,
    ...(suggestions ? { suggestions } : {}),
  };
}

/** Writes the file in one transaction; throws (and writes nothing) on any failure. */
export async function writeImport(db: Database, input: ImportFile, progress?: Progress): Promise<ImportSummary> {
  const started = Date.now();
  return db.writeTx(
    async (tx) => {
      // Curation: deleted facts stay deleted and merged ids land on the kept node (curation/import-hooks.ts).
      const { file, skipped } = await screenRejected(tx, input);
      const plan = planImport(file);
      const touchedActors = await applyPlan(tx, plan, progress);
      // Curation: the extractor's open questions join the review queue (after evidence, which decisions may move).
      const suggestions = file.suggestions?.length ? await writeSuggestions(tx, file.suggestions) : undefined;
      const metLinks = await refreshMet(tx, [...touchedActors]);
      return summarize(file, plan, {
        metLinks,
        elapsedMs: Date.now() - started,
        skippedRejected: skipped,
        suggestions,
      });
    },
    { timeoutMs: 30 * 60_000 },
  );
}

/**
 * Rebuilds the who-met-whom projection for the given actors only, in three passes (mark and drop, build, unmark):
 * each pair is built once even when its two actors fall in different batches.
 */
export async function refreshMet(tx: ManagedTransaction, actors: string[]): Promise<number> {
  if (actors.length === 0) return 0;
  const stamp = `refresh-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (const batch of batches(actors))
    await tx.run(cypher("queries/ingest/refresh-met-mark"), { actors: batch, stamp });
  let count = 0;
  for (const batch of batches(actors)) {
    const result = await tx.run(cypher("queries/ingest/refresh-met-build"), {
      actors: batch,
      stamp,
      encounterKinds: [...ENCOUNTER_KINDS],
    });
    count += toNumber(result.records[0]?.get("count"));
  }
  for (const batch of batches(actors)) await tx.run(cypher("queries/ingest/refresh-met-unmark"), { actors: batch });
  return count;
}

function precisionOf(date: string): "day" | "month" | "year" {
  const parts = date.split("-").length;
  return parts === 3 ? "day" : parts === 2 ? "month" : "year";
}

/** Counts per label and relationship type (for summaries, tests and /api/stats). */
export async function readCounts(
  db: Database,
): Promise<{ labels: Record<string, number>; relationships: Record<string, number> }> {
  const rows = await db.read(cypher("queries/ingest/counts"), {}, (r) => ({
    what: r.get("what") as string,
    name: r.get("name") as string,
    count: toNumber(r.get("count")),
  }));
  const labels: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const row of rows) (row.what === "label" ? labels : relationships)[row.name] = row.count;
  return { labels, relationships };
}
