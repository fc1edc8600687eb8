/**
 * History repository
 * ==================
 *
 * The Cypher of "as known on a date" (history.service.ts): the curation changes made after a moment, the facts
 * learned after it (removed only inside a rolled-back transaction), the changes that name purged facts, and the
 * start-up stamping of facts loaded before Parley recorded when it learned them.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { refreshAgreementsAbout } from "../nodes/nodes.repository.js";

/** A curation change as the rewind and the purge read it: its recorded states still JSON text. */
export interface RecordedChange {
  id: string;
  before: string | null;
  after: string | null;
  subjectIds: string[];
}

/** The curation changes made after `after` (an ISO instant), newest first. */
export async function readChangesAfter(tx: ManagedTransaction, after: string): Promise<RecordedChange[]> {
  const result = await tx.run<{ id: string; before: string | null; subjectIds: string[] }>(
    cypher("queries/history/changes-after"),
    { after },
  );
  return result.records.map((r) => ({
    id: r.get("id"),
    before: r.get("before"),
    after: null,
    subjectIds: r.get("subjectIds"),
  }));
}

/**
 * Removes the entities, then the links, then the citations learned after `after`; only ever in a transaction that
 * rolls back. Returns the actors whose encounters changed.
 */
export async function pruneLearnedAfter(tx: ManagedTransaction, after: string): Promise<string[]> {
  const actors: string[] = [];
  // Topics that lost an agreement get their stored count of agreements again (server/modules/nodes).
  const topics = new Set<string>();
  for (const query of [cypher("queries/history/prune-nodes"), cypher("queries/history/prune-links")]) {
    const result = await tx.run<{ actor: string | null; topic: string | null }>(query, { after });
    for (const r of result.records) {
      const actor = r.get("actor");
      const topic = r.get("topic");
      if (actor) actors.push(actor);
      if (topic) topics.add(topic);
    }
  }
  await tx.run(cypher("queries/history/prune-evidence"), { after });
  await refreshAgreementsAbout(tx, topics);
  return actors;
}

/** The curation changes whose states or subjects name any of `ids`. */
export async function readChangesMentioning(tx: ManagedTransaction, ids: string[]): Promise<RecordedChange[]> {
  const result = await tx.run<RecordedChange>(cypher("queries/history/changes-mentioning"), { ids });
  return result.records.map((r) => ({
    id: r.get("id"),
    before: r.get("before"),
    after: r.get("after"),
    subjectIds: r.get("subjectIds"),
  }));
}

/** Stores changes' recorded states and subjects again (their CHANGED links follow the subjects). */
export async function rewriteChanges(tx: ManagedTransaction, rows: RecordedChange[]): Promise<void> {
  if (rows.length) await tx.run(cypher("queries/history/rewrite-changes"), { rows });
}

/** Which kinds of facts still lack a known-from time. */
export async function readUnstamped(db: Database): Promise<{ nodes: boolean; links: boolean }> {
  const [row] = await db.read(cypher("queries/history/unstamped"), {}, (r) => ({
    nodes: r.get("nodes") === true,
    links: r.get("links") === true,
  }));
  return row ?? { nodes: false, links: false };
}

/** Gives unstamped entities (`nodes`) and links their load time, in committed batches. */
export async function stampUnstamped(db: Database, what: { nodes: boolean }): Promise<void> {
  if (what.nodes) await db.writeInBatches(cypher("queries/history/stamp-nodes"), {});
  await db.writeInBatches(cypher("queries/history/stamp-links"), {});
}
