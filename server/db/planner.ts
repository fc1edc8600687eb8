/**
 * Planner statistics after big writes
 * ===================================
 *
 * Neo4j plans a query with sampled index statistics and caches the plan. After a big import the samples still
 * describe the database before it (measured: the `Entity(id)` index sampled at 0 entries with 6,267 updates after
 * a 10k load on an emptied database), and a cached plan made on them can be orders of magnitude slower than the
 * right one (an overview statement: 11.5 s against 0.2 s, enough to time out). Neo4j resamples on its own only
 * now and then, so an import that grows the database by more than Neo4j's own "outdated index" share asks for a
 * resample and fresh plans before it returns.
 *
 * Below a thousand nodes no plan is slow enough to matter, while emptying the plan cache makes Neo4j compile every
 * query again (about 0.1 s for an import statement): small writes keep their plans.
 */
import { cypher } from "./cypher.js";
import type { Database } from "./database.js";
import type { Record as Neo4jRecord } from "neo4j-driver";
import { type CountRecord, toNumber } from "./values.js";
import type { Logger } from "../log.js";

/** Share of new rows (against the nodes already there) past which an import refreshes the statistics; Neo4j's `db.index_sampling.update_percentage` default. */
export const STALE_STATISTICS_SHARE = 0.05;
/** Nodes a database holds before its plans are worth refreshing. */
export const REPLAN_MIN_NODES = 1_000;

/** Nodes in the database, from the count store. */
export async function nodeCount(db: Database): Promise<number> {
  const [count] = await db.read(cypher("queries/db/node-count"), {}, (r: Neo4jRecord<CountRecord>) =>
    toNumber(r.get("count")),
  );
  return count ?? 0;
}

/** Whether writing `rows` rows into a database of `nodesBefore` nodes leaves its plans' statistics outdated. */
export function outdatesStatistics(rows: number, nodesBefore: number): boolean {
  return rows > nodesBefore * STALE_STATISTICS_SHARE && nodesBefore + rows >= REPLAN_MIN_NODES;
}

/**
 * Resamples the indexes and empties the plan cache. Never fails the write that came before it: without the
 * administrator right (a restricted user on a managed Neo4j) it logs why, and Neo4j resamples later on its own.
 */
export async function refreshPlannerStatistics(db: Database, log?: Logger, timeoutSeconds = 300): Promise<boolean> {
  const started = Date.now();
  try {
    await db.read(cypher("queries/db/prepare-for-replanning"), { timeoutSeconds }, () => null, {
      timeoutMs: (timeoutSeconds + 30) * 1000,
    });
    log?.info("planner statistics refreshed after a big write", { ms: Date.now() - started });
    return true;
  } catch (error) {
    log?.warn(
      "could not refresh the planner statistics after a big write; some queries may stay slow until Neo4j resamples its indexes (it needs an administrator user)",
      {
        error: error instanceof Error ? error.message : String(error),
      },
    );
    return false;
  }
}
