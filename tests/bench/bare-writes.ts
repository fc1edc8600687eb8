/**
 * Bare-write ceiling
 * ==================
 *
 * How fast this Neo4j, on this machine, writes the simplest nodes and relationships there are: nodes with one
 * indexed id and nothing else, and relationships without properties between two of them found by that index. The
 * writes take the staging path's shape (transactions of STAGE_CHUNK_ROWS rows in statements of BATCH_SIZE,
 * STAGE_PARALLELISM transactions at a time), so the import's own rate can be set beside the fastest any import of
 * the same numbers of nodes and relationships could go here. Measured on an empty database, removed afterwards.
 */
import type { Database } from "../../server/db/database.js";
import { batches, runBatched } from "../../server/modules/ingest/import.repository.js";
import { STAGE_CHUNK_ROWS, STAGE_PARALLELISM } from "../../server/modules/ingest/import.staged.js";

export interface BareWriteRates {
  nodesPerSecond: number;
  relationshipsPerSecond: number;
}

const CREATE_NODES = "UNWIND $rows AS id CREATE (:BenchBare {id: id})";
const CREATE_LINKS =
  "UNWIND $rows AS row MATCH (a:BenchBare {id: row.a}) USING INDEX SEEK a:BenchBare(id) " +
  "MATCH (b:BenchBare {id: row.b}) USING INDEX SEEK b:BenchBare(id) CREATE (a)-[:BENCH_BARE]->(b)";

/** Writes `nodes` bare nodes, then `relationships` bare links between them; returns both rates, and leaves nothing. */
export async function measureBareWrites(db: Database, nodes: number, relationships: number): Promise<BareWriteRates> {
  await session(db, "CREATE INDEX bench_bare_id IF NOT EXISTS FOR (n:BenchBare) ON (n.id)");
  await session(db, "CALL db.awaitIndexes(300)");
  try {
    const ids = Array.from({ length: nodes }, (_, i) => `bare-${i}`);
    // A fixed pseudo-random pairing (no Math.random), so every run writes the same links.
    const links = Array.from({ length: relationships }, (_, i) => ({
      a: ids[(i * 7919) % nodes],
      b: ids[(i * 104_729 + 17) % nodes],
    }));
    // One untimed chunk of each first: Neo4j plans and compiles each statement on its first run (the links find no
    // ends yet; SEEK keeps that plan a seek once they exist, as in the staging statements).
    await writeChunks(
      db,
      CREATE_NODES,
      ids.slice(0, 1_000).map((id) => `${id}-warm`),
    );
    await writeChunks(db, CREATE_LINKS, links.slice(0, 1_000));
    await session(db, "MATCH (n:BenchBare) DETACH DELETE n");

    let started = performance.now();
    await writeChunks(db, CREATE_NODES, ids);
    const nodesPerSecond = nodes / ((performance.now() - started) / 1000);
    started = performance.now();
    await writeChunks(db, CREATE_LINKS, links);
    const relationshipsPerSecond = relationships / ((performance.now() - started) / 1000);
    return { nodesPerSecond, relationshipsPerSecond };
  } finally {
    await session(db, "MATCH (n:BenchBare) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
    await session(db, "DROP INDEX bench_bare_id IF EXISTS");
  }
}

/**
 * The fastest rate, in relationships per second, at which an import writing `nodes` nodes and `relationships`
 * relationships could go at these bare rates: the time of writing both, each at its own rate.
 */
export function ceilingRelationshipsPerSecond(rates: BareWriteRates, nodes: number, relationships: number): number {
  return relationships / (nodes / rates.nodesPerSecond + relationships / rates.relationshipsPerSecond);
}

async function writeChunks(db: Database, query: string, rows: unknown[]): Promise<void> {
  const chunks = [...batches(rows, STAGE_CHUNK_ROWS)];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await db.writeTx((tx) => runBatched(tx, query, chunk, { step: "bare writes" }));
    }
  };
  await Promise.all(Array.from({ length: STAGE_PARALLELISM }, worker));
}

/** Schema statements and IN TRANSACTIONS need an auto-commit transaction. */
async function session(db: Database, query: string): Promise<void> {
  const s = db.driver.session();
  try {
    await s.run(query);
  } finally {
    await s.close();
  }
}
