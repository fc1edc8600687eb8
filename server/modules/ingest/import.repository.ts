/**
 * Import writer
 * =============
 *
 * Writes an import plan (import.plan.ts) into Neo4j in ONE write transaction made of batched `UNWIND … MERGE`
 * statements: the whole file lands, or (on any error, or a killed process) none of it. Loads are idempotent: nodes,
 * links and evidence are merged on their application ids, and the `MET` projection is refreshed for the touched
 * actors only. Writes only; what a file means is planned without the database.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { ImportFile } from "../../../contracts/import-format.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import { ENCOUNTER_KINDS } from "../../../contracts/vocabulary.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { entityLabel } from "../../db/labels.js";
import { toNumber } from "../../db/values.js";
import { settleCoordinates } from "../places/places.service.js";
import { readTopicsLinked, refreshAgreementsAbout } from "../nodes/nodes.repository.js";
import type { ImportHooks } from "./import.hooks.js";
import { type ImportPlan, planImport, summarize } from "./import.plan.js";
import { joinReports } from "./import.reports.js";
import { writeReportLinks } from "./import.reports.repository.js";

/** Rows per UNWIND statement: 5,000 loaded about 1.9× faster than 1,000 at 100k rows (docs/benchmarks.md). */
export const BATCH_SIZE = 5_000;

export type Progress = (step: string, done: number, total: number) => void;

/** How the writer writes: progress reports and the rows per UNWIND statement. */
export interface WriteOptions {
  progress?: Progress;
  /** Rows per UNWIND statement (default BATCH_SIZE; the benchmark measures several, a test uses tiny batches). */
  batchSize?: number;
  /**
   * Article loads: an extracted meeting that reports an event already there joins it (import.reports.ts). Files
   * with their own event ids (imports, the sample, restores) never set it.
   */
  joinReports?: boolean;
}

/** `rows` in consecutive slices of `size`. */
export function* batches<T>(rows: T[], size = BATCH_SIZE): Generator<T[]> {
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < rows.length; i += step) yield rows.slice(i, i + step);
}

/** Runs `query` once per batch of `rows` (as `$rows`, beside `params`), reporting progress after each as `step`. */
export async function runBatched(
  tx: ManagedTransaction,
  query: string,
  rows: unknown[],
  options: WriteOptions & { step: string; params?: Record<string, unknown> },
): Promise<void> {
  let done = 0;
  for (const batch of batches(rows, options.batchSize)) {
    await tx.run(query, { ...options.params, rows: batch });
    done += batch.length;
    options.progress?.(options.step, done, rows.length);
  }
}

/** Runs a plan's statements in `tx`; returns the actors whose encounters may have changed. */
export async function applyPlan(
  tx: ManagedTransaction,
  plan: ImportPlan,
  options: WriteOptions = {},
): Promise<Set<string>> {
  const { progress, batchSize } = options;
  await runBatched(tx, cypher("queries/ingest/articles"), plan.articles, { ...options, step: "articles" });

  // Links owned by the nodes of this file are stated afresh; remember whose encounters may change.
  const touchedActors = new Set(plan.participants);
  // The links stated afresh keep the time Parley first learned them (server/modules/history).
  const linkStamps = new Map<string, string>();
  for (const batch of batches(plan.replaceIds, batchSize)) {
    const result = await tx.run<{ source: string; type: string; target: string; knownFrom: string }>(
      cypher("queries/ingest/owned-link-stamps"),
      { ids: batch },
    );
    for (const r of result.records)
      linkStamps.set(`${r.get("type")}|${r.get("source")}|${r.get("target")}`, r.get("knownFrom"));
  }
  // Topics whose count of agreements about them may change (server/modules/nodes): those the restated agreements
  // were about before their links are cleared, and those the file's agreements are about (refreshed at the end).
  // Events about a topic leave it alone: an article about trade does not recount the trade topic's links.
  const topics = new Set<string>();
  for (const batch of batches(plan.replaceIds, batchSize))
    for (const topic of await readTopicsLinked(tx, batch)) topics.add(topic);
  const agreements = new Set((plan.nodes.get("agreement") ?? []).map((row) => String(row.id)));
  for (const link of plan.links.get("ABOUT") ?? []) if (agreements.has(link.source)) topics.add(link.target);
  for (const batch of batches(plan.replaceIds, batchSize)) {
    const result = await tx.run<{ actor: string | null }>(cypher("queries/ingest/clear-owned-links"), { ids: batch });
    for (const r of result.records) {
      const actor = r.get("actor");
      if (actor) touchedActors.add(actor);
    }
  }
  for (const [type, rows] of plan.nodes) {
    if (rows.length)
      await runBatched(tx, cypher("queries/ingest/nodes", { label: entityLabel(type) }), rows, {
        ...options,
        step: `${type} nodes`,
      });
  }
  for (const [type, rows] of plan.links) {
    const stamped = rows.map((row) => ({
      ...row,
      knownFrom: linkStamps.get(`${type}|${row.source}|${row.target}`) ?? null,
    }));
    await runBatched(tx, cypher("queries/ingest/links", { type }), stamped, { ...options, step: `${type} links` });
  }
  await runBatched(tx, cypher("queries/ingest/quantities"), plan.quantities, { ...options, step: "quantities" });
  await runBatched(tx, cypher("queries/ingest/roles"), plan.roles, { ...options, step: "roles" });
  let done = 0;
  for (const batch of batches(plan.evidence, batchSize)) {
    const result = await tx.run<{ actor: string }>(cypher("queries/ingest/evidence"), { rows: batch });
    for (const r of result.records) touchedActors.add(r.get("actor"));
    done += batch.length;
    progress?.("evidence", done, plan.evidence.length);
  }
  for (const batch of batches([...topics], batchSize)) await refreshAgreementsAbout(tx, batch);
  return touchedActors;
}

/**
 * Writes the file in one transaction; throws (and writes nothing) on any failure. `hooks` screen the file against
 * curation and store its review suggestions, in the same transaction.
 */
export async function writeImport(
  db: Database,
  input: ImportFile,
  hooks: ImportHooks,
  options: WriteOptions = {},
): Promise<ImportSummary> {
  const started = Date.now();
  return db.writeTx(
    async (tx) => {
      // Curation: deleted facts stay deleted and merged ids land on the kept node.
      const screened = await hooks.screen(tx, input);
      // One meeting, many reports: an article's meeting already in the graph gains its citations instead of a twin.
      const reports = options.joinReports ? await joinReports(tx, screened.file) : null;
      const file = reports?.file ?? screened.file;
      const plan = planImport(file);
      const touchedActors = await applyPlan(tx, plan, options);
      if (reports) await writeReportLinks(tx, reports.links);
      // Curation: the extractor's open questions join the review queue (after evidence, which decisions may move).
      const suggestions = file.suggestions?.length ? await hooks.storeSuggestions(tx, file.suggestions) : undefined;
      // The map: places and countries the file stated get coordinates (unsure names join the review queue).
      await settleCoordinates(tx, hooks.storeSuggestions);
      const metLinks = await refreshMet(tx, [...touchedActors], options.batchSize);
      return summarize(file, plan, {
        metLinks,
        elapsedMs: Date.now() - started,
        skippedRejected: screened.skipped,
        suggestions,
        ...(reports ? { joinedReports: reports.joined } : {}),
      });
    },
    { timeoutMs: 30 * 60_000 },
  );
}

/**
 * Rebuilds the who-met-whom projection for the given actors only, in three passes (mark and drop, build, unmark):
 * each pair is built once even when its two actors fall in different batches.
 */
export async function refreshMet(tx: ManagedTransaction, actors: string[], batchSize = BATCH_SIZE): Promise<number> {
  if (actors.length === 0) return 0;
  const stamp = `refresh-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (const batch of batches(actors, batchSize))
    await tx.run(cypher("queries/ingest/refresh-met-mark"), { actors: batch, stamp });
  let count = 0;
  for (const batch of batches(actors, batchSize)) {
    const result = await tx.run(cypher("queries/ingest/refresh-met-build"), {
      actors: batch,
      stamp,
      encounterKinds: [...ENCOUNTER_KINDS],
    });
    count += toNumber(result.records[0]?.get("count"));
  }
  for (const batch of batches(actors, batchSize))
    await tx.run(cypher("queries/ingest/refresh-met-unmark"), { actors: batch });
  return count;
}
