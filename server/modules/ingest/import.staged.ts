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
import { cypher } from "../../db/cypher.js";
import { CORE_ENTITY_PROPERTIES } from "../../db/entity-properties.js";
import { ENTITY_LABELS, entityLabel, type NodeLabel, stagingLabel, type StagingLabel } from "../../db/labels.js";
import type { Database } from "../../db/database.js";
import { AppError, translateDbError } from "../../errors.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import type { Logger } from "../../log.js";
import { type CountedLabel, labelCount } from "../../db/counts.js";
import type { ImportHooks } from "./import.hooks.js";
import { type ImportPlan, type LinkRow, planImport, summarize } from "./import.plan.js";
import { type Progress, applyPlan, batches, refreshMet, runBatched } from "./import.repository.js";
import { fileOnlyActors, stagedMetRows } from "./import.staged-met.js";

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

/** Another import holds the staging slot: this one wrote nothing. */
export class ImportInProgressError extends AppError {
  constructor() {
    super(
      409,
      "IMPORT_IN_PROGRESS",
      "Another large import is being staged right now; this one was not started and wrote nothing. Load the file again when that import has finished (a minute or two per million links).",
    );
  }
}

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

/**
 * Thrown when a staged import failed and was rolled back; nothing of it is visible. An API caller gets the cause's
 * status (503 when the database was unavailable or out of memory) and a message that says what happened.
 */
export class StagedImportError extends AppError {
  constructor(
    readonly importId: string,
    cause: unknown,
  ) {
    const translated = translateDbError(cause);
    super(
      translated instanceof AppError ? translated.status : 500,
      "IMPORT_ROLLED_BACK",
      `The import was rolled back and nothing was written: ${failureCause(translated)}`,
    );
    this.cause = cause;
  }
}

/**
 * What made an import fail, in words a user can act on: an application error's own message; for a database
 * error, its Neo4j code and message without Neo4j's internal node ids (`Node(4711)`), so the cause is named without
 * exposing internals; otherwise the error's message.
 */
export function failureCause(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);
  if (error instanceof Neo4jError) {
    const message = error.message.split("\n")[0]!.replace(/\bNode\(\d+\)/g, "a node");
    return clip(`the database refused a write (${error.code}): ${message}`);
  }
  if (error instanceof Error && error.message) return clip(error.message);
  return "an unexpected error; the server log has the details.";
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

/** Kinds of staged nodes: the staging label each gets, and the labels it gets when published (closed lists: they are put into Cypher text). */
const STAGED_KINDS: readonly { staging: StagingLabel; labels: NodeLabel[] }[] = [
  { staging: "StagedArticle", labels: ["Article"] },
  ...ENTITY_LABELS.map((label) => ({ staging: stagingLabel(label), labels: ["Entity", label] as NodeLabel[] })),
  { staging: "StagedQuantity", labels: ["Quantity"] },
  { staging: "StagedEvidence", labels: ["Evidence"] },
];

/**
 * Rows reordered so that rows with the same key are next to each other (first-seen order otherwise): chunks of
 * such rows that run at once share at most the key at their boundary, so they never wait on each other in a cycle.
 */
function groupedBy<T>(rows: T[], key: (row: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return [...groups.values()].flat();
}

/**
 * The staging statements, in order, each with the rows it writes. Evidence is written in two steps, grouped once
 * by subject and once by article, so that transactions running at once share at most the node at their boundary
 * (an article is cited thousands of times). The statements match staged nodes with an index hint: stalls of two
 * minutes seen in trial loads were plans made while the staging index's statistics still said it was empty.
 */
function stagingSteps(staged: ImportPlan, met: unknown[]): { step: string; query: string; rows: unknown[] }[] {
  return [
    { step: "articles", query: cypher("queries/ingest/staged/articles"), rows: staged.articles },
    ...[...staged.nodes].map(([type, rows]) => ({
      step: `${type} nodes`,
      query: cypher("queries/ingest/staged/nodes", { stagingLabel: stagingLabel(entityLabel(type)) }),
      rows,
    })),
    {
      step: "node properties",
      query: cypher("queries/ingest/staged/node-properties"),
      rows: [...staged.nodes.values()].flat().flatMap((row) => {
        const free = Object.entries(row.properties as Record<string, unknown>).filter(
          ([key]) => !CORE_ENTITY_PROPERTIES.has(key),
        );
        return free.length ? [{ id: row.id, properties: Object.fromEntries(free) }] : [];
      }),
    },
    ...[...staged.links].map(([type, rows]) => ({
      step: `${type} links`,
      query: cypher("queries/ingest/staged/links", { type }),
      rows,
    })),
    { step: "quantities", query: cypher("queries/ingest/staged/quantities"), rows: staged.quantities },
    { step: "roles", query: cypher("queries/ingest/staged/roles"), rows: staged.roles },
    {
      step: "evidence",
      query: cypher("queries/ingest/staged/evidence"),
      rows: groupedBy(staged.evidence, (e) => e.subject),
    },
    {
      step: "evidence articles",
      query: cypher("queries/ingest/staged/evidence-articles"),
      rows: groupedBy(staged.evidence, (e) => e.article).map((e) => ({ id: e.id, article: e.article })),
    },
    { step: "MET links", query: cypher("queries/ingest/staged/met"), rows: met },
  ];
}

async function setStatus(db: Database, importId: string, fields: Record<string, unknown>): Promise<void> {
  await db.writeTx((tx) => tx.run(cypher("queries/ingest/staged/import-status"), { importId, fields }));
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
  const existing = new Set<string>();
  let done = 0;
  await db.readTx(async (tx) => {
    for (const [label, ids] of byLabel) {
      if ((await labelCount(tx, label)) === 0) {
        done += ids.length;
        progress?.("checking which ids exist", done, total);
        continue;
      }
      const query = cypher("queries/ingest/staged/existing", { label });
      for (const batch of batches(ids, 20_000)) {
        const result = await tx.run(query, { ids: batch });
        for (const r of result.records) existing.add(r.get("id") as string);
        done += batch.length;
        progress?.("checking which ids exist", done, total);
      }
    }
  });
  return existing;
}

/** Deletes what the staging import staged (its nodes never were visible). */
export async function discardStaged(db: Database): Promise<void> {
  await db.writeInBatches(cypher("queries/ingest/staged/discard"), {});
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
  await db.writeTx((tx) =>
    tx.run(cypher("queries/ingest/staged/import-status"), {
      importId,
      fields: { status: "done", metActors: null, finishedAt: new Date().toISOString() },
    }),
  );
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
    await setStatus(db, importId, { status: "staging", stagingSlot: "taken" });
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
    for (const { step, query, rows } of stagingSteps(staged, metRows)) {
      let done = 0;
      await forEachConcurrently([...batches(rows, chunkRows)], parallelism, async (chunk) => {
        await db.writeTx((tx) => runBatched(tx, query, chunk, { step, batchSize }), { timeoutMs: 30 * 60_000 });
        done += chunk.length;
        progress?.(`staging ${step}`, done, rows.length);
        await options.onStep?.("staged-chunk", importId);
      });
    }
    await options.onStep?.("before-publish", importId);
    ({ touchedActors, suggestions } = await db.writeTx(
      async (tx: ManagedTransaction) => {
        const status = await tx.run(cypher("queries/ingest/staged/status"), { importId });
        if (status.records[0]?.get("status") !== "staging") throw new Error(`import ${importId} is no longer staging`);
        for (const [i, kind] of STAGED_KINDS.entries()) {
          await tx.run(cypher("queries/ingest/staged/publish", { stagingLabel: kind.staging, labels: kind.labels }));
          progress?.("publishing", i + 1, STAGED_KINDS.length);
        }
        const touched = await applyPlan(tx, residual, { progress, batchSize });
        const written = file.suggestions?.length ? await hooks.storeSuggestions(tx, file.suggestions) : undefined;
        // The actors whose MET links must be rebuilt are kept with the import, so a stopped process can finish.
        await tx.run(cypher("queries/ingest/staged/import-status"), {
          importId,
          fields: { status: "published", stagingSlot: null, metActors: [...touched] },
        });
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
      await setStatus(db, importId, {
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
  const pending = await db.read(cypher("queries/ingest/staged/pending"), {}, (r) => ({
    id: r.get("id") as string,
    status: r.get("status") as string,
    metActors: r.get("metActors") as string[],
  }));
  for (const item of pending) {
    if (item.status === "staging") {
      log?.warn("rolling back an import left unfinished by a stopped process", { importId: item.id });
      await discardStaged(db);
      await setStatus(db, item.id, {
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
