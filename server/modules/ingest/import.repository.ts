/**
 * Import writer
 * =============
 *
 * Writes a validated import file into Neo4j in ONE write transaction made of batched `UNWIND … MERGE` statements:
 * the whole file lands, or (on any error, or a killed process) none of it. Loads are idempotent: nodes, links and
 * evidence are merged on their application ids, and the `MET` projection is refreshed for the touched actors only.
 */
import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import { ENCOUNTER_KINDS, type Citation, type ImportFile, type NodeType } from "../../contracts/import-format.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { toNumber } from "../../db/values.js";
import { dateRange } from "../graph/graph.schemas.js";
import { type SkippedRejected, screenRejected, writeSuggestions } from "../curation/import-hooks.js";

/** Rows per UNWIND statement: 5,000 loaded about 1.9× faster than 1,000 at 100k rows (docs/benchmarks.md). */
export const BATCH_SIZE = 5_000;

export const LABELS: Record<NodeType, string> = {
  person: "Person",
  government: "Government",
  organization: "Organization",
  country: "Country",
  place: "Place",
  agreement: "Agreement",
  event: "Event",
  topic: "Topic",
};

/** Relationship types the writer creates from node fields (a closed list: they are put into Cypher text). */
type LinkType = "IN_COUNTRY" | "PART_OF" | "PARTICIPATED_IN" | "AT" | "ABOUT" | "PRODUCED" | "PARTY_TO";

export interface ImportSummary {
  articles: number;
  nodes: number;
  links: number;
  roles: number;
  quantities: number;
  evidence: number;
  metLinks: number;
  elapsedMs: number;
  /** Curation: what was left out because a curator deleted it (server/modules/curation/import-hooks.ts). */
  skippedRejected?: SkippedRejected;
  /** Curation: suggestions stored for review, and how many a remembered decision settled at once. */
  suggestions?: { stored: number; decided: number };
}

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

/** Stable evidence id: the same span cited for the same subject is one Evidence node. */
export function evidenceId(subject: string, c: Citation): string {
  const key = [subject, c.article, c.paragraph ?? "", c.start ?? "", c.end ?? ""].join("|");
  return `ev-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

let batchSize = BATCH_SIZE;

/** Overrides the rows per UNWIND statement (the benchmark measures several); returns the previous value. */
export function setBatchSize(size: number): number {
  const previous = batchSize;
  batchSize = Math.max(1, Math.floor(size));
  return previous;
}

function* batches<T>(rows: T[], size = batchSize): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function runBatched(
  tx: ManagedTransaction,
  query: string,
  rows: unknown[],
  progress: Progress | undefined,
  step: string,
): Promise<void> {
  let done = 0;
  for (const batch of batches(rows)) {
    await tx.run(query, { rows: batch });
    done += batch.length;
    progress?.(step, done, rows.length);
  }
}

/** Writes the file; throws (and writes nothing) on any failure. */
export async function writeImport(db: Database, input: ImportFile, progress?: Progress): Promise<ImportSummary> {
  const started = Date.now();
  return db.writeTx(
    async (tx) => {
      // Curation: deleted facts stay deleted and merged ids land on the kept node (curation/import-hooks.ts).
      const { file, skipped } = await screenRejected(tx, input);
      await runBatched(
        tx,
        cypher("queries/ingest/articles"),
        file.articles.map((a) => ({
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
        })),
        progress,
        "articles",
      );

      // Links owned by the nodes of this file are stated afresh; remember whose encounters may change.
      const touchedActors = new Set<string>();
      for (const batch of batches(file.nodes.filter((n) => n.mode === "replace").map((n) => n.id))) {
        const result = await tx.run(cypher("queries/ingest/clear-owned-links"), { ids: batch });
        for (const r of result.records) if (r.get("actor")) touchedActors.add(r.get("actor"));
      }

      for (const [type, label] of Object.entries(LABELS) as [NodeType, string][]) {
        const ofType = file.nodes.filter((n) => n.type === type);
        const rows = ofType
          .map((n) => {
            const range = n.date ? dateRange(n.date) : null;
            return {
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
            };
          });
        if (rows.length)
          await runBatched(
            tx,
            cypher("queries/ingest/nodes").replaceAll("{{label}}", label),
            rows,
            progress,
            `${type} nodes`,
          );
      }

      const links = new Map<LinkType, { source: string; target: string; properties: Record<string, unknown> }[]>();
      const add = (type: LinkType, source: string, target: string, properties: Record<string, unknown> = {}) => {
        const list = links.get(type) ?? [];
        list.push({ source, target, properties });
        links.set(type, list);
      };
      for (const n of file.nodes) {
        if (n.country) add("IN_COUNTRY", n.id, n.country);
        if (n.partOf) add("PART_OF", n.id, n.partOf);
        if (n.place) add("AT", n.id, n.place);
        for (const t of n.topics) add("ABOUT", n.id, t);
        for (const a of n.produced) add("PRODUCED", n.id, a);
        for (const p of n.parties) add("PARTY_TO", p, n.id);
        for (const p of n.participants) {
          add("PARTICIPATED_IN", p.actor, n.id, { role: p.role });
          touchedActors.add(p.actor);
        }
      }
      let linkCount = 0;
      for (const [type, rows] of links) {
        linkCount += rows.length;
        await runBatched(
          tx,
          cypher("queries/ingest/links").replaceAll("{{type}}", type),
          rows,
          progress,
          `${type} links`,
        );
      }

      const evidenceRows: Record<string, unknown>[] = [];
      const cite = (subject: string, citations: Citation[]) =>
        citations.map((c) => {
          const id = evidenceId(subject, c);
          evidenceRows.push({
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

      await runBatched(
        tx,
        cypher("queries/ingest/quantities"),
        file.quantities.map((q) => ({
          id: q.id,
          measure: q.measure,
          value: q.value,
          unit: q.unit,
          period: q.period ?? null,
          note: q.note ?? null,
          about: q.about,
        })),
        progress,
        "quantities",
      );
      for (const n of file.nodes) cite(n.id, n.evidence);
      for (const q of file.quantities) cite(q.id, q.evidence);
      const roleRows = file.roles.map((r) => ({
        person: r.person,
        of: r.of,
        title: r.title,
        since: r.since ?? null,
        until: r.until ?? null,
        asOf: r.asOf ?? null,
        // Role evidence ids are stored on the relationship; the Evidence nodes link to the person.
        evidence: cite(r.person, r.evidence),
      }));
      await runBatched(tx, cypher("queries/ingest/roles"), roleRows, progress, "roles");
      await runBatched(tx, cypher("queries/ingest/evidence"), evidenceRows, progress, "evidence");
      // Curation: the extractor's open questions join the review queue (after evidence, which decisions may move).
      const suggestions = file.suggestions?.length ? await writeSuggestions(tx, file.suggestions) : undefined;

      const metLinks = await refreshMet(tx, [...touchedActors]);
      return {
        articles: file.articles.length,
        nodes: file.nodes.length,
        links: linkCount,
        roles: file.roles.length,
        quantities: file.quantities.length,
        evidence: evidenceRows.length,
        metLinks,
        elapsedMs: Date.now() - started,
        skippedRejected: skipped,
        ...(suggestions ? { suggestions } : {}),
      };
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
  for (const batch of batches(actors)) await tx.run(cypher("queries/ingest/refresh-met-mark"), { actors: batch, stamp });
  let count = 0;
  for (const batch of batches(actors)) {
    const result = await tx.run(cypher("queries/ingest/refresh-met-build"), { actors: batch, stamp, encounterKinds: [...ENCOUNTER_KINDS] });
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
