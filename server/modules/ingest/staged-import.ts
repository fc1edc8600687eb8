/**
 * Staged import
 * =============
 *
 * Files too big for one transaction (a transaction's changes live in Neo4j's heap until it commits) still land whole
 * or not at all. Everything the file creates is first written in many small transactions under the label `Staged`
 * and an import id, which no read ever matches (reads match `Entity`, a type label, `Article`, `Evidence` or
 * `Quantity`); nothing live is touched while staging. Publishing is one transaction that gives the staged nodes
 * their real labels and writes the rest of the file (changes to nodes that already existed, links to them). Any
 * failure before that commit discards the staged nodes, so readers see the whole import or none of it.
 *
 * After publishing, the staging properties are removed and the `MET` projection is refreshed, in small
 * transactions: neither changes what a reader sees of the file (the properties are not shown, `MET` is derived from
 * the published events), and the `Import` node keeps what is left to do, so a stopped process finishes it at the
 * next start (`recoverStagedImports`).
 *
 * Publishing still holds one change per staged node: Neo4j needs about 2–3 KB of transaction memory per node
 * (measured), i.e. `PARLEY_NEO4J_HEAP=8g` for a file of a million participation links. It fails with a clear
 * message (and rolls back) when the heap is too small.
 */
import { randomUUID } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import type { ImportFile, NodeType } from "../../contracts/import-format.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { screenRejected, writeSuggestions } from "../curation/import-hooks.js";
import {
  type ImportPlan,
  type ImportSummary,
  LABELS,
  type LinkRow,
  type LinkType,
  type Progress,
  applyPlan,
  batches,
  planImport,
  refreshMet,
  runBatched,
  summarize,
} from "./import.repository.js";

/** Files with more rows than this are staged (one transaction below it). */
export const STAGE_ABOVE_ROWS = 250_000;
/** Rows written per staging transaction (50,000 evidence rows needed more than 420 MB of transaction memory). */
export const STAGE_CHUNK_ROWS = 20_000;
/** Actors per MET refresh transaction after publishing. */
const MET_CHUNK_ACTORS = 5_000;

export interface StagedOptions {
  progress?: Progress;
  log?: Logger;
  /** Rows per staging transaction (tests use small chunks to get many transactions). */
  chunkRows?: number;
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
    super(
      cause instanceof AppError ? cause.status : 500,
      "IMPORT_ROLLED_BACK",
      // Only application errors are worded for users; a raw database message (which may name internal ids) stays
      // in the server log, written when the import failed.
      `The import was rolled back and nothing was written: ${cause instanceof AppError ? cause.message : "an unexpected error; the server log has the details."}`,
    );
    this.cause = cause;
  }
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
  const stagedLinks = new Map<LinkType, LinkRow[]>();
  const residualLinks = new Map<LinkType, LinkRow[]>();
  for (const [type, rows] of plan.links) {
    stagedLinks.set(type, rows.filter((l) => newEntities.has(l.source) && newEntities.has(l.target)));
    residualLinks.set(type, rows.filter((l) => !(newEntities.has(l.source) && newEntities.has(l.target))));
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
      isNew(e.id) && !stagedEvidenceIds.has(e.id) && newArticles.has(e.article) && (newEntities.has(e.subject) || stagedQuantityIds.has(e.subject));
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

/** The labels each kind of staged node gets when published (a closed list: they are put into Cypher text). */
const PUBLISHED_LABELS: readonly string[] = ["Article", ...Object.values(LABELS).map((label) => `Entity:${label}`), "Quantity", "Evidence"];

/** The staging statements, in order, each with the rows it writes and its parameters. */
function stagingSteps(staged: ImportPlan): { step: string; query: string; rows: unknown[]; params?: Record<string, unknown> }[] {
  return [
    { step: "articles", query: cypher("queries/ingest/staged/articles"), rows: staged.articles },
    ...[...staged.nodes].map(([type, rows]) => ({
      step: `${type} nodes`,
      query: cypher("queries/ingest/staged/nodes"),
      rows,
      params: { labels: `Entity:${LABELS[type]}` },
    })),
    ...[...staged.links].map(([type, rows]) => ({ step: `${type} links`, query: cypher("queries/ingest/staged/links").replaceAll("{{type}}", type), rows })),
    { step: "quantities", query: cypher("queries/ingest/staged/quantities"), rows: staged.quantities },
    { step: "roles", query: cypher("queries/ingest/staged/roles"), rows: staged.roles },
    { step: "evidence", query: cypher("queries/ingest/staged/evidence"), rows: staged.evidence },
  ];
}

async function setStatus(db: Database, importId: string, fields: Record<string, unknown>): Promise<void> {
  await db.writeTx((tx) => tx.run(cypher("queries/ingest/staged/import-status"), { importId, fields }));
}

/** Ids of the plan that already exist in the live graph. */
async function existingIds(db: Database, plan: ImportPlan): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const row of plan.articles) ids.add(String(row.id));
  for (const rows of plan.nodes.values()) for (const row of rows) ids.add(String(row.id));
  for (const q of plan.quantities) ids.add(q.id);
  for (const e of plan.evidence) ids.add(e.id);
  const existing = new Set<string>();
  await db.readTx(async (tx) => {
    for (const batch of batches([...ids], 20_000)) {
      const result = await tx.run(cypher("queries/ingest/staged/existing"), { ids: batch });
      for (const r of result.records) existing.add(r.get("id") as string);
    }
  });
  return existing;
}

/** Deletes what an import staged (its nodes never were visible). */
export async function discardStaged(db: Database, importId: string): Promise<void> {
  await db.writeInBatches(cypher("queries/ingest/staged/discard"), { importId });
}

/**
 * Finishes a published import: removes the staging properties, refreshes MET for its actors (a chunk per
 * transaction), then marks the import done.
 */
async function finishPublished(db: Database, importId: string, actors: string[], progress?: Progress): Promise<number> {
  await db.writeInBatches(cypher("queries/ingest/staged/cleanup"), { importId });
  let metLinks = 0;
  let done = 0;
  for (const chunk of batches(actors, MET_CHUNK_ACTORS)) {
    metLinks += await db.writeTx((tx) => refreshMet(tx, chunk), { timeoutMs: 30 * 60_000 });
    done += chunk.length;
    progress?.("MET refresh", done, actors.length);
  }
  await db.writeTx((tx) => tx.run(cypher("queries/ingest/staged/import-status"), { importId, fields: { status: "done", metActors: null, finishedAt: new Date().toISOString() } }));
  return metLinks;
}

/** Writes a big file through staging; throws StagedImportError (with nothing visible) when anything fails. */
export async function writeStagedImport(db: Database, input: ImportFile, options: StagedOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const { progress, log } = options;
  const importId = `import-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  // Curation screening only reads, so it runs before staging, on the curation state at the start of the import.
  const { file, skipped } = await db.readTx((tx) => screenRejected(tx, input));
  const plan = planImport(file);
  const { staged, residual } = splitPlan(plan, await existingIds(db, plan));
  await setStatus(db, importId, { status: "staging" });
  log?.info("staged import: staging", { importId });

  let touchedActors: Set<string>;
  let suggestions: ImportSummary["suggestions"];
  try {
    const chunkRows = Math.max(1, options.chunkRows ?? STAGE_CHUNK_ROWS);
    for (const { step, query, rows, params } of stagingSteps(staged)) {
      let done = 0;
      for (const chunk of batches(rows, chunkRows)) {
        await db.writeTx((tx) => runBatched(tx, query, chunk, undefined, step, { ...params, importId }), { timeoutMs: 30 * 60_000 });
        done += chunk.length;
        progress?.(`staging ${step}`, done, rows.length);
        await options.onStep?.("staged-chunk", importId);
      }
    }
    await options.onStep?.("before-publish", importId);
    ({ touchedActors, suggestions } = await db.writeTx(
      async (tx: ManagedTransaction) => {
        const status = await tx.run("MATCH (i:Import {id: $importId}) RETURN i.status AS status", { importId });
        if (status.records[0]?.get("status") !== "staging") throw new Error(`import ${importId} is no longer staging`);
        for (const [i, labels] of PUBLISHED_LABELS.entries()) {
          await tx.run(cypher("queries/ingest/staged/publish").replaceAll("{{labels}}", labels), { importId, labels });
          progress?.("publishing", i + 1, PUBLISHED_LABELS.length);
        }
        const touched = await applyPlan(tx, residual, progress);
        const written = file.suggestions?.length ? await writeSuggestions(tx, file.suggestions) : undefined;
        // The actors whose MET links must be rebuilt are kept with the import, so a stopped process can finish.
        await tx.run(cypher("queries/ingest/staged/import-status"), { importId, fields: { status: "published", metActors: [...touched] } });
        return { touchedActors: touched, suggestions: written };
      },
      { timeoutMs: 30 * 60_000 },
    ));
  } catch (error) {
    log?.warn("staged import failed; rolling back", { importId, error: error instanceof Error ? error.message : String(error) });
    try {
      await discardStaged(db, importId);
      await setStatus(db, importId, { status: "rolled back", error: error instanceof Error ? error.message : String(error) });
    } catch (cleanup) {
      // Still invisible; the next start discards it (recoverStagedImports).
      log?.error("staged import: rollback failed; it is retried at the next start", { importId, error: cleanup instanceof Error ? cleanup.message : String(cleanup) });
    }
    throw new StagedImportError(importId, error);
  }
  const metLinks = await finishPublished(db, importId, [...touchedActors], progress);
  return { ...summarize(file, plan, { metLinks, elapsedMs: Date.now() - started, skippedRejected: skipped, suggestions }), importId };
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
      await discardStaged(db, item.id);
      await setStatus(db, item.id, { status: "rolled back", error: "the process stopped while staging" });
    } else {
      log?.info("finishing the MET refresh of a published import", { importId: item.id, actors: item.metActors.length });
      await finishPublished(db, item.id, item.metActors);
    }
  }
  return pending.length;
}
