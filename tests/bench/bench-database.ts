/**
 * The benchmark's database
 * ========================
 *
 * The bench's own throwaway Neo4j (never the development one), and the raw statements the bench needs around the
 * import path: emptying it between sizes and counting what a load wrote.
 */
import { Database, createDriver } from "../../server/db/database.js";
import { type ThrowawayNeo4j, startThrowawayNeo4j } from "../../server/db/embedded/throwaway.js";
import { createLogger } from "../../server/log.js";

/** Starts a throwaway Neo4j with the schema applied and opens a Database on it. */
export async function startBenchDatabase(
  heap: string,
  progress: (message: string) => void,
): Promise<{ db: Database; neo4j: ThrowawayNeo4j }> {
  const neo4j = await startThrowawayNeo4j({
    purpose: "bench",
    heap,
    pageCache: "2g",
    transactionTimeout: "30m",
    log: (line) => progress(`[neo4j] ${line}`),
  });
  return {
    db: new Database(createDriver({ uri: neo4j.uri, user: "neo4j", password: null }), undefined, createLogger("warn")),
    neo4j,
  };
}

/** Empties the database in chunks, so a million relationships never sit in one transaction. */
export async function wipe(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

/** Relationships in the database, of every type. */
export async function countRelationships(db: Database): Promise<number> {
  const [n] = await db.read("MATCH ()-[r]->() RETURN count(r) AS n", {}, (r) => Number(r.get("n")));
  return n ?? 0;
}
