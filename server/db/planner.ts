/**
 * Planner statistics after big writes
 * ===================================
 *
 * Neo4j plans a query with sampled index statistics and caches the plan. After a big import the samples still
 * describe the database before it (measured: the `Entity(id)` index sampled at 0 entries with 6,267 updates after
 * a 10k load on an emptied database), and a cached plan made on them can be orders of magnitude slower than the
 * right one (an overview statement: 11.5 s against 0.2 s, enough to time out). Neo4j resamples on its own only
 * now and then, so a write that has doubled the database since the plans' statistics were taken asks for a
 * resample and fresh plans before it returns.
 *
 * Doubling, not a few percent more: emptying the plan cache makes Neo4j compile every query again (0.1–0.2 s for an
 * import statement), and a feed ingested 25 articles at a time into a young database refreshed after nearly every
 * group at 5% (measured: 9 pages/s against 30 without). Below a thousand nodes no plan is slow enough to matter.
 */
import { cypher } from "./cypher.js";
import type { Database } from "./database.js";
import type { Record as Neo4jRecord } from "neo4j-driver";
import { type CountRecord, toNumber } from "./values.js";
import type { Logger } from "../log.js";

/** Growth (nodes now against nodes when the statistics were taken) past which the plans are refreshed. */
export const REPLAN_GROWTH = 2;
/** Nodes a database holds before its plans are worth refreshing. */
export const REPLAN_MIN_NODES = 1_000;

/** Nodes in the database, from the count store. */
export async function nodeCount(db: Database): Promise<number> {
  const [count] = await db.read(cypher("queries/db/node-count"), {}, (r: Neo4jRecord<CountRecord>) =>
    toNumber(r.get("count")),
  );
  return count ?? 0;
}

/** Whether a database of `nodes` nodes has outgrown plans whose statistics were taken at `basis` nodes. */
export function outdatesStatistics(nodes: number, basis: number): boolean {
  return nodes >= REPLAN_MIN_NODES && nodes >= basis * REPLAN_GROWTH;
}

/** Per database: the node count its plans' statistics describe (its size at the first write this process saw). */
const statisticsBasis = new WeakMap<Database, number>();

/**
 * After a write of `rows` rows into a database of `nodesBefore` nodes: refreshes the planner statistics when the
 * database has outgrown them. A database that shrank (emptied, restored smaller) lowers the basis with it.
 */
export async function refreshStatisticsWhenOutgrown(
  db: Database,
  nodesBefore: number,
  rows: number,
  options: { log?: Logger; onRefresh?: () => void } = {},
): Promise<boolean> {
  const basis = Math.min(statisticsBasis.get(db) ?? nodesBefore, nodesBefore);
  statisticsBasis.set(db, basis);
  if (!outdatesStatistics(nodesBefore + rows, basis)) return false;
  options.onRefresh?.();
  const refreshed = await refreshPlannerStatistics(db, options.log);
  statisticsBasis.set(db, await nodeCount(db));
  return refreshed;
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
