/**
 * As known on a date
 * ==================
 *
 * `?asOf=YYYY-MM-DD` shows the network as Parley's record stood at the end of that day: facts learned later left
 * out, curation changes made later undone. Every entity and link written by an import carries `knownFrom` (when
 * Parley first learned it, kept by re-imports); every curation change stores the state of its subjects before and
 * after it (curation.repository.ts).
 *
 * Design: no second set of "as of" queries. An as-of read runs inside a write transaction that is always rolled
 * back (Database.rolledBackTx): in it the graph is rewound — each change made after the date undone, newest first,
 * by applying its `before` state (what a revert does), then the entities and links learned after the date removed,
 * then the who-met-whom projection rebuilt for the actors this touched — and the ordinary read statements run in
 * the same transaction, which then rolls back. The repositories' read functions already take a transaction, and
 * the rolled-back one satisfies it, so every existing query serves both the present and the past. Nothing of the
 * rewind is ever committed or seen by another transaction; present-day reads, the Cypher console and saved
 * questions keep seeing only what curation left (curation really removes what it retires).
 *
 * The price: an as-of read holds write locks on what it rewinds while it runs (a concurrent curation change waits
 * for it), and costs the rewind on top of the read; answers are cached under their own key (asOf is part of the
 * validated query the response cache keys on).
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { GraphState } from "../../../contracts/curation.js";
import type { Database } from "../../db/database.js";
import type { Logger } from "../../log.js";
import { applyState, captureState, stableJson, touchedActors } from "../curation/curation.repository.js";
import { refreshMet } from "../ingest/import.repository.js";
import {
  pruneLearnedAfter,
  readChangesAfter,
  readChangesMentioning,
  readUnstamped,
  rewriteChanges,
  stampUnstamped,
} from "./history.repository.js";
import { endOfDay } from "./history.schemas.js";
/** Reads of the network take longer as of a date (the rewind comes first); still bounded. */
const AS_OF_TIMEOUT_MS = 30_000;

/**
 * Runs `work` (ordinary read statements) on the network as it stood at the end of `asOf`, or on the present network
 * in a plain read transaction when `asOf` is not given.
 */
export function readAsOf<T>(
  db: Database,
  asOf: string | undefined,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs = 15_000,
): Promise<T> {
  if (!asOf) return db.readTx(work, { timeoutMs });
  return db.rolledBackTx(
    async (tx) => {
      await rewindTo(tx, asOf);
      return work(tx);
    },
    { timeoutMs: Math.max(timeoutMs, AS_OF_TIMEOUT_MS) },
  );
}

/** Rewinds the graph in `tx` to the end of the day `asOf`; only ever called in a transaction that rolls back. */
export async function rewindTo(tx: ManagedTransaction, asOf: string): Promise<void> {
  const after = endOfDay(asOf);
  const actors = new Set<string>();
  for (const change of await readChangesAfter(tx, after)) {
    const before = parseState(change.before);
    if (!before) continue;
    const { subjectIds } = change;
    // The actors of the present state of the subjects lose the encounters the undone change gave them.
    const present = touchedActors(await captureState(tx, subjectIds));
    await applyState(tx, before, subjectIds);
    for (const actor of [...present, ...touchedActors(before)]) actors.add(actor);
  }
  for (const actor of await pruneLearnedAfter(tx, after)) actors.add(actor);
  await refreshMet(tx, [...actors]);
}

function parseState(text: string | null): GraphState | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as GraphState | null;
  } catch {
    return null;
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Purge: what is erased from history too
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Takes `ids` (purged entities, taken-down snapshots) out of every curation change's recorded states, in the
 * caller's transaction, so no as-of read can bring them back: their node states go, and so do the links other
 * nodes' states hold to them, and the rejection records about them. The present Rejection node stays: it keeps a
 * re-import from bringing the fact back today.
 * Returns how many change records were rewritten.
 */
export async function eraseFromHistory(tx: ManagedTransaction, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const gone = new Set(ids);
  const rows = (await readChangesMentioning(tx, ids)).map((change) => ({
    id: change.id,
    before: scrubbed(change.before, gone),
    after: scrubbed(change.after, gone),
    subjectIds: change.subjectIds.filter((id) => !gone.has(id)),
  }));
  await rewriteChanges(tx, rows);
  return rows.length;
}

/** A recorded state's JSON without the `gone` nodes and without any link to them. */
export function scrubbed(text: string | null, gone: Set<string>): string | null {
  const state = parseState(text);
  if (!state) return text;
  return stableJson({
    ...state,
    nodes: state.nodes
      .filter((node) => !gone.has(node.id))
      .map((node) => (node.rels ? { ...node, rels: node.rels.filter((rel) => !gone.has(rel.otherId)) } : node)),
    rejections: state.rejections.filter((rejection) => !gone.has(rejection.subjectId)),
  });
}

/**
 * Start-up migration: entities and links loaded before Parley recorded when it learned facts get their load time,
 * once (a database already stamped is only checked, not written).
 */
export async function stampKnownFrom(db: Database, log: Logger): Promise<void> {
  const missing = await readUnstamped(db);
  if (!missing.nodes && !missing.links) return;
  await stampUnstamped(db, missing);
  log.info("facts loaded before known-from times were recorded got their load time", { ...missing });
}
