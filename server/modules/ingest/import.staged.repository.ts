/**
 * Staged import repository
 * ========================
 *
 * The Cypher of staged imports (import.staged.ts decides what to stage and when): the `Import` node's status and
 * staging slot, which of a plan's ids the graph already holds, the staging statements with the rows each writes,
 * publishing (`Staged*` labels swapped for the real ones in one transaction), and discarding what a failed import
 * staged.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import { type CountedLabel, labelCount } from "../../db/counts.js";
import type { Database } from "../../db/database.js";
import { CORE_ENTITY_PROPERTIES } from "../../db/entity-properties.js";
import { ENTITY_LABELS, entityLabel, type NodeLabel, stagingLabel, type StagingLabel } from "../../db/labels.js";
import type { IdRecord } from "../../db/values.js";
import type { ImportPlan } from "./import.plan.js";
import { batches, runBatched, type WriteOptions } from "./import.repository.js";

/* ----------------------------------------------------------------------------------------------------------------
 * The Import node: status and staging slot
 * -------------------------------------------------------------------------------------------------------------- */

/** Sets fields of an import's `Import` node (created when missing), in a transaction of its own. */
export async function setImportStatus(db: Database, importId: string, fields: Record<string, unknown>): Promise<void> {
  await db.writeTx((tx) => writeImportStatus(tx, importId, fields));
}

/** Sets fields of an import's `Import` node inside the caller's transaction. */
export async function writeImportStatus(
  tx: ManagedTransaction,
  importId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await tx.run(cypher("queries/ingest/staged/import-status"), { importId, fields });
}

/** An import's status ("staging", "published", …), or undefined when there is no such import. */
export async function readImportStatus(tx: ManagedTransaction, importId: string): Promise<string | undefined> {
  const result = await tx.run<{ status: string }>(cypher("queries/ingest/staged/status"), { importId });
  return result.records[0]?.get("status");
}

/** An import a stopped process left unfinished: still staging, or published with its MET refresh to do. */
export interface PendingImport {
  id: string;
  status: string;
  metActors: string[];
}

/** Imports left staging or published-but-unfinished. */
export async function readPendingImports(db: Database): Promise<PendingImport[]> {
  return db.read(cypher("queries/ingest/staged/pending"), {}, (r: Neo4jRecord<PendingImport>) => ({
    id: r.get("id"),
    status: r.get("status"),
    metActors: r.get("metActors"),
  }));
}

/* ----------------------------------------------------------------------------------------------------------------
 * Staging
 * -------------------------------------------------------------------------------------------------------------- */

/** Ids per look-up of existing ids. */
const EXISTING_BATCH = 20_000;

/**
 * Which of the given ids the live graph already holds, each list looked up under the one label its ids can have
 * (a label no node carries yet is skipped at once). `onChecked` is told how many ids each step checked.
 */
export async function readExistingIds(
  db: Database,
  byLabel: [CountedLabel, string[]][],
  onChecked: (count: number) => void,
): Promise<Set<string>> {
  const existing = new Set<string>();
  await db.readTx(async (tx) => {
    for (const [label, ids] of byLabel) {
      if ((await labelCount(tx, label)) === 0) {
        onChecked(ids.length);
        continue;
      }
      const query = cypher("queries/ingest/staged/existing", { label });
      for (const batch of batches(ids, EXISTING_BATCH)) {
        const result = await tx.run<IdRecord>(query, { ids: batch });
        for (const r of result.records) existing.add(r.get("id"));
        onChecked(batch.length);
      }
    }
  });
  return existing;
}

/** One staging statement and the rows it writes. */
export interface StagingStep {
  step: string;
  query: string;
  rows: unknown[];
}

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
export function stagingSteps(staged: ImportPlan, met: unknown[]): StagingStep[] {
  // The evidence rank of staged events and agreements (cypher/fragments/evidence-rank.cypher), counted here: their
  // citations are the staged evidence rows naming them (distinct ids, each one link); evidence written when
  // publishing (to an article that existed) sets it again there (ingest/evidence.cypher).
  const citations = new Map<string, number>();
  for (const e of staged.evidence) citations.set(e.subject, (citations.get(e.subject) ?? 0) + 1);
  // A staged topic's count of agreements about it (cypher/fragments/agreements-about.cypher): the staged ABOUT links
  // from staged agreements; links from agreements that existed are written when publishing, which counts again.
  const agreements = new Set((staged.nodes.get("agreement") ?? []).map((row) => String(row.id)));
  const about = new Map<string, number>();
  for (const link of staged.links.get("ABOUT") ?? [])
    if (agreements.has(link.source)) about.set(link.target, (about.get(link.target) ?? 0) + 1);
  const ranked = (type: string, rows: Record<string, unknown>[]) =>
    type === "event" || type === "agreement"
      ? rows.map((row) => ({ ...row, evidenceRank: -(citations.get(String(row.id)) ?? 0) }))
      : type === "topic"
        ? rows.map((row) => ({ ...row, agreementsAbout: about.get(String(row.id)) ?? 0 }))
        : rows;
  return [
    { step: "articles", query: cypher("queries/ingest/staged/articles"), rows: staged.articles },
    ...[...staged.nodes].map(([type, rows]) => ({
      step: `${type} nodes`,
      query: cypher("queries/ingest/staged/nodes", { stagingLabel: stagingLabel(entityLabel(type)) }),
      rows: ranked(type, rows),
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

/** Writes one chunk of a staging step's rows in a transaction of its own (batched UNWINDs). */
export async function writeStagingChunk(
  db: Database,
  { step, query }: StagingStep,
  chunk: unknown[],
  options: WriteOptions,
): Promise<void> {
  await db.writeTx((tx) => runBatched(tx, query, chunk, { ...options, step }), { timeoutMs: 30 * 60_000 });
}

/** Deletes what the staging import staged (its nodes never were visible), in batches of their own. */
export async function discardStaged(db: Database): Promise<void> {
  await db.writeInBatches(cypher("queries/ingest/staged/discard"), {});
}

/* ----------------------------------------------------------------------------------------------------------------
 * Publishing
 * -------------------------------------------------------------------------------------------------------------- */

/** Kinds of staged nodes: the staging label each gets, and the labels it gets when published (closed lists: they are put into Cypher text). */
const STAGED_KINDS: readonly { staging: StagingLabel; labels: NodeLabel[] }[] = [
  { staging: "StagedArticle", labels: ["Article"] },
  ...ENTITY_LABELS.map((label) => ({ staging: stagingLabel(label), labels: ["Entity", label] as NodeLabel[] })),
  { staging: "StagedQuantity", labels: ["Quantity"] },
  { staging: "StagedEvidence", labels: ["Evidence"] },
];

/** Makes every staged node visible (its staging label swapped for its real ones); `onKind` reports each kind done. */
export async function publishStaged(
  tx: ManagedTransaction,
  onKind: (done: number, total: number) => void,
): Promise<void> {
  for (const [i, kind] of STAGED_KINDS.entries()) {
    await tx.run(cypher("queries/ingest/staged/publish", { stagingLabel: kind.staging, labels: kind.labels }));
    onKind(i + 1, STAGED_KINDS.length);
  }
}
