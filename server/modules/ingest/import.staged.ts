/**
 * Staged import
 * =============
 *
 * Files too big for one transaction (a transaction's changes live in Neo4j's heap until it commits) still land whole
 * or not at all. Everything the file creates is first written in many small transactions under the label `Staged`
 * (plus one staging label per kind, e.g. `StagedEvent`), which no read ever matches (reads match `Entity`, a type
 * label, `Article`, `Evidence` or `Quantity`); nothing live is touched while staging. What is staged is new by
 * construction (its ids were checked first), so it is created, not merged. Publishing is one transaction that swaps
 * the staged nodes' labels for their real ones and writes the rest of the file (changes to nodes that already
 * existed, links to them). Any failure before that commit discards the staged nodes, so readers see the whole
 * import or none of it. One import stages at a time (the `Import` node's staging slot, a unique property). When
 * another writer creates one of the staged ids before publishing (the sample data of a starting server), publishing
 * fails on it and the import stages again with its ids checked afresh: such nodes are merged like any that existed.
 *
 * The `MET` links between actors that only the file knows are computed from the file and staged with the rest
 * (import.staged-met.ts); after publishing, the links of the other actors the file touched are rebuilt from the graph
 * in small transactions: that does not change what a reader sees of the file, and the `Import` node keeps what is
 * left to do, so a stopped process finishes it at the next start (`recoverStagedImports`).
 *
 * Publishing still holds one label change per staged node: Neo4j needs about 2–3 KB of transaction memory per node
 * (measured), i.e. `PARLEY_NEO4J_HEAP=8g` for a file of a million participation links. It fails with a clear
 * message (and rolls back) when the heap is too small.
 */
import { randomUUID } from "node:crypto";
import { Neo4jError, type ManagedTransaction } from "neo4j-driver";
import type { ImportFile } from "../../../contracts/import-format.js";
import type { FieldLinkType, NodeType } from "../../../contracts/vocabulary.js";
import type { CountedLabel } from "../../db/counts.js";
import type { Database } from "../../db/database.js";
import { ImportInProgressError, StagedImportError } from "../../errors.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import type { Logger } from "../../log.js";
import type { ImportHooks } from "./import.hooks.js";
import { type ImportPlan, type LinkRow, planImport, summarize } from "./import.plan.js";
import { type Progress, applyPlan, batches, refreshMet } from "./import.repository.js";
import { fileOnlyActors, stagedMetRows } from "./import.staged-met.js";
import {
  discardStaged,
  publishStaged,
  readExistingIds,
  readImportStatus,
  readPendingImports,
  setImportStatus,
  stagingSteps,
  writeImportStatus,
  writeStagingChunk,
} from "./import.staged.repository.js";

/** Files with more rows than this are staged (one transaction below it). */
export const STAGE_ABOVE_ROWS = 250_000;
/** Rows written per staging transaction (50,000 evidence rows needed more than 420 MB of transaction memory). */
export const STAGE_CHUNK_ROWS = 20_000;
/**
 * Staging transactions of one step that run at once. Chunks of a step are independent (every node a link needs was
 * staged by an earlier step), so they can overlap; Neo4j runs each transaction on one core. Measured by
 * `npm run bench` (docs/benchmarks.md) at 100k: two at once load ×1.22 faster than one, on this 2-core machine.
 */
export const STAGE_PARALLELISM = 2;
/** Actors per MET refresh transaction after publishing. */
const MET_CHUNK_ACTORS = 5_000;

export interface StagedOptions {
  progress?: Progress;
  /** Rows per UNWIND statement (default BATCH_SIZE, import.repository.ts). */
  batchSize?: number;
  log?: Logger;
  /** Rows per staging transaction (tests use small chunks to get many transactions). */
  chunkRows?: number;
  /** Staging transactions run at once (the benchmark measures several). */
  parallelism?: number;
  /** Called between staging transactions and before publishing (tests use it to observe and to fail midway). */
  onStep?: (step: "staged-chunk" | "before-publish", importId: string) => Promise<void> | void;
}

type Row = Record<string, unknown>;

/** Splits a plan into what can be staged (rows whose every node is new) and what publishing writes. */
export function splitPlan(plan: ImportPlan, existing: Set<string>): { staged: ImportPlan; residual: ImportPlan } {
  const isNew = (id: string) => !existing.has(id);
  const newEntities = new Set<string>();
  const stagedNodes = new Map<NodeType, Row[]>();
  const residualNodes = new Map<NodeType, Row[]>();
  for (const [type, rows] of plan.nodes) {
    stagedNodes.set(type, []);
    residualNodes.set(type, []);
    for (const row of rows) {
      const id = String(row.id);
      if (isNew(id) && !newEntities.has(id)) {
        newEntities.add(id);
        stagedNodes.get(type)!.push(row);
      } else residualNodes.get(type)!.push(row);
    }
  }
  const newArticles = new Set<string>();
  const stagedArticles: Row[] = [];
  const residualArticles: Row[] = [];
  for (const row of plan.articles) {
    const id = String(row.id);
    if (isNew(id) && !newArticles.has(id)) {
      newArticles.add(id);
      stagedArticles.push(row);
    } else residualArticles.push(row);
  }
  const stagedLinks = new Map<FieldLinkType, LinkRow[]>();
  const residualLinks = new Map<FieldLinkType, LinkRow[]>();
  for (const [type, rows] of plan.links) {
    // Link rows are distinct (planImport), so staged links are created, not merged.
    const stagedRows: LinkRow[] = [];
    const residualRows: LinkRow[] = [];
    for (const l of rows) (newEntities.has(l.source) && newEntities.has(l.target) ? stagedRows : residualRows).push(l);
    stagedLinks.set(type, stagedRows);
    residualLinks.set(type, residualRows);
  }
  const stagedQuantityIds = new Set<string>();
  const stagedQuantities = plan.quantities.filter((q) => {
    const ok = isNew(q.id) && !stagedQuantityIds.has(q.id) && q.about.every((t) => newEntities.has(t));
    if (ok) stagedQuantityIds.add(q.id);
    return ok;
  });
  const isStagedRole = (r: ImportPlan["roles"][number]) => newEntities.has(r.person) && newEntities.has(r.of);
  const stagedRoles = plan.roles.filter(isStagedRole);
  const stagedEvidenceIds = new Set<string>();
  const stagedEvidence = plan.evidence.filter((e) => {
    const ok =
      isNew(e.id) &&
      !stagedEvidenceIds.has(e.id) &&
      newArticles.has(e.article) &&
      (newEntities.has(e.subject) || stagedQuantityIds.has(e.subject));
    if (ok) stagedEvidenceIds.add(e.id);
    return ok;
  });
  return {
    staged: {
      articles: stagedArticles,
      replaceIds: [],
      nodes: stagedNodes,
      links: stagedLinks,
      quantities: stagedQuantities,
      roles: stagedRoles,
      evidence: stagedEvidence,
      participants: new Set(),
    },
    residual: {
      articles: residualArticles,
      replaceIds: plan.replaceIds.filter((id) => !newEntities.has(id)),
      nodes: residualNodes,
      links: residualLinks,
      quantities: plan.quantities.filter((q) => !stagedQuantityIds.has(q.id)),
      roles: plan.roles.filter((r) => !isStagedRole(r)),
      evidence: plan.evidence.filter((e) => !stagedEvidenceIds.has(e.id)),
      participants: plan.participants,
    },
  };
}

/** Ids of the plan that already exist in the live graph (each looked up under the one label it can have). */
async function existingIds(db: Database, plan: ImportPlan, progress?: Progress): Promise<Set<string>> {
  const byLabel: [CountedLabel, string[]][] = [
    ["Entity", [...plan.nodes.values()].flatMap((rows) => rows.map((row) => String(row.id)))],
    ["Article", plan.articles.map((row) => String(row.id))],
    ["Quantity", plan.quantities.map((q) => q.id)],
    ["Evidence", plan.evidence.map((e) => e.id)],
  ];
  const total = byLabel.reduce((n, [, ids]) => n + ids.length, 0);
  let done = 0;
  return readExistingIds(db, byLabel, (count) => {
    done += count;
    progress?.("checking which ids exist", done, total);
  });
}

/** Rebuilds the MET links of the given actors from the graph (a chunk per transaction), then marks the import done. */
async function finishPublished(
  db: Database,
  importId: string,
  actors: string[],
  progress?: Progress,
  batchSize?: number,
): Promise<number> {
  let metLinks = 0;
  let done = 0;
  for (const chunk of batches(actors, MET_CHUNK_ACTORS)) {
    metLinks += await db.writeTx((tx) => refreshMet(tx, chunk, batchSize), { timeoutMs: 30 * 60_000 });
    done += chunk.length;
    progress?.("MET refresh", done, actors.length);
  }
  await setImportStatus(db, importId, { status: "done", metActors: null, finishedAt: new Date().toISOString() });
  return metLinks;
}

/**
 * Runs `work` on every item, at most `limit` at a time. After a failure no new item starts, and the error is thrown
 * once the running ones have settled: a rollback must not race a transaction that is still writing.
 */
export async function forEachConcurrently<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

/** Takes the one staging slot for this import, or throws ImportInProgressError when another import holds it. */
async function takeStagingSlot(db: Database, importId: string): Promise<void> {
  try {
    await setImportStatus(db, importId, { status: "staging", stagingSlot: "taken" });
  } catch (error) {
    if (error instanceof Neo4jError && error.code === "Neo.ClientError.Schema.ConstraintValidationFailed")
      throw new ImportInProgressError();
    throw error;
  }
}

/**
 * Writes a big file through staging; throws StagedImportError (with nothing visible) when anything fails. `hooks`
 * screen the file against curation and store its review suggestions.
 */
export async function writeStagedImport(
  db: Database,
  input: ImportFile,
  hooks: ImportHooks,
  options: StagedOptions = {},
): Promise<ImportSummary> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await stageAndPublish(db, input, hooks, options, started);
    } catch (error) {
      // What was staged is new by construction, as checked before staging; a node that another writer created
      // since (the sample data a starting server loads, another load) makes publishing fail on its id. Staging
      // again checks the ids afresh, so such nodes are merged as every node that existed before.
      if (attempt < STAGE_ATTEMPTS && error instanceof StagedImportError && isIdTaken(error.cause)) {
        options.log?.warn("staged import: ids were created by another writer while staging; staging again", {
          importId: error.importId,
          attempt,
        });
        continue;
      }
      throw error;
    }
  }
}

/** Staging attempts of one import (a second one only when ids it staged as new were created meanwhile). */
const STAGE_ATTEMPTS = 2;

/** Whether a database error says a node with one of the file's ids already exists (a uniqueness constraint). */
function isIdTaken(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === "Neo.ClientError.Schema.ConstraintValidationFailed";
}

/** One attempt: check ids, stage, publish (see the banner). */
async function stageAndPublish(
  db: Database,
  input: ImportFile,
  hooks: ImportHooks,
  options: StagedOptions,
  started: number,
): Promise<ImportSummary> {
  const { progress, log, batchSize } = options;
  const importId = `import-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  // Curation screening only reads, so it runs before staging, on the curation state at the start of the import.
  progress?.("screening against curation", 0, 1);
  const { file, skipped } = await db.readTx((tx) => hooks.screen(tx, input));
  progress?.("planning", 0, 1);
  const plan = planImport(file);
  const { staged, residual } = splitPlan(plan, await existingIds(db, plan, progress));
  // MET links between actors only this file knows are staged with it; the others' are rebuilt after publishing.
  const fileOnly = fileOnlyActors(staged, residual);
  const metRows = stagedMetRows(plan, staged, fileOnly);
  residual.participants = new Set([...plan.participants].filter((actor) => !fileOnly.has(actor)));
  await takeStagingSlot(db, importId);
  log?.info("staged import: staging", { importId });

  let touchedActors: Set<string>;
  let suggestions: ImportSummary["suggestions"];
  try {
    const chunkRows = Math.max(1, options.chunkRows ?? STAGE_CHUNK_ROWS);
    const parallelism = options.parallelism ?? STAGE_PARALLELISM;
    for (const step of stagingSteps(staged, metRows)) {
      let done = 0;
      await forEachConcurrently([...batches(step.rows, chunkRows)], parallelism, async (chunk) => {
        await writeStagingChunk(db, step, chunk, { batchSize });
        done += chunk.length;
        progress?.(`staging ${step.step}`, done, step.rows.length);
        await options.onStep?.("staged-chunk", importId);
      });
    }
    await options.onStep?.("before-publish", importId);
    ({ touchedActors, suggestions } = await db.writeTx(
      async (tx: ManagedTransaction) => {
        if ((await readImportStatus(tx, importId)) !== "staging") {
          throw new Error(`import ${importId} is no longer staging`);
        }
        await publishStaged(tx, (done, total) => progress?.("publishing", done, total));
        const touched = await applyPlan(tx, residual, { progress, batchSize });
        const written = file.suggestions?.length ? await hooks.storeSuggestions(tx, file.suggestions) : undefined;
        // The actors whose MET links must be rebuilt are kept with the import, so a stopped process can finish.
        await writeImportStatus(tx, importId, { status: "published", stagingSlot: null, metActors: [...touched] });
        return { touchedActors: touched, suggestions: written };
      },
      { timeoutMs: 30 * 60_000 },
    ));
    progress?.("publish committed", 1, 1);
  } catch (error) {
    log?.warn("staged import failed; rolling back", {
      importId,
      error: error instanceof Error ? error.message : String(error),
    });
    try {
      await discardStaged(db);
      await setImportStatus(db, importId, {
        status: "rolled back",
        stagingSlot: null,
        error: error instanceof Error ? error.message : String(error),
      });
    } catch (cleanup) {
      // Still invisible; the next start discards it (recoverStagedImports).
      log?.error("staged import: rollback failed; it is retried at the next start", {
        importId,
        error: cleanup instanceof Error ? cleanup.message : String(cleanup),
      });
    }
    throw new StagedImportError(importId, error);
  }
  const metLinks = metRows.length + (await finishPublished(db, importId, [...touchedActors], progress, batchSize));
  return {
    ...summarize(file, plan, { metLinks, elapsedMs: Date.now() - started, skippedRejected: skipped, suggestions }),
    importId,
  };
}

/**
 * At start: rolls back imports a stopped process left staging (never visible), and finishes the MET refresh of
 * imports it published. Call it before serving; not while another process may be importing into the database.
 */
export async function recoverStagedImports(db: Database, log?: Logger): Promise<number> {
  const pending = await readPendingImports(db);
  for (const item of pending) {
    if (item.status === "staging") {
      log?.warn("rolling back an import left unfinished by a stopped process", { importId: item.id });
      await discardStaged(db);
      await setImportStatus(db, item.id, {
        status: "rolled back",
        stagingSlot: null,
        error: "the process stopped while staging",
      });
    } else {
      log?.info("finishing the MET refresh of a published import", {
        importId: item.id,
        actors: item.metActors.length,
      });
      await finishPublished(db, item.id, item.metActors);
    }
  }
  return pending.length;
}
