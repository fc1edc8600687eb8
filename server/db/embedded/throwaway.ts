/**
 * Throwaway Neo4j
 * ===============
 *
 * A real embedded Neo4j on free loopback ports, without auth, in a fresh folder under `.parley/`, ready and with
 * the schema applied: what the test run, the load test and the benchmarks each need, and remove afterwards.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { ROOT_DIR } from "../../config.js";
import { createLogger } from "../../log.js";
import { Database, createDriver } from "../database.js";
import { applySchema } from "../schema.js";
import { EmbeddedNeo4j } from "./embedded-neo4j.js";
import { NEO4J_VERSION } from "./prerequisites.js";

export interface ThrowawayNeo4j {
  neo4j: EmbeddedNeo4j;
  uri: string;
  homeDir: string;
  /** Stops the server and deletes its folder. */
  dispose(): Promise<void>;
}

/** Starts a throwaway server named `<purpose>-<pid>-<time>` and waits until it answers (at most 180 s). */
export async function startThrowawayNeo4j(options: {
  purpose: string;
  heap?: string;
  pageCache?: string;
  transactionTimeout?: string;
  log?: (line: string) => void;
}): Promise<ThrowawayNeo4j> {
  const homeDir = path.join(ROOT_DIR, ".parley", `${options.purpose}-${process.pid}-${Date.now()}`);
  const neo4j = await EmbeddedNeo4j.start({
    homeDir,
    jarCacheDir: path.join(ROOT_DIR, ".parley", "jars", NEO4J_VERSION),
    pidFile: path.join(homeDir, "neo4j.pid"),
    boltPort: 0,
    httpPort: 0,
    auth: false,
    heap: options.heap ?? "1g",
    pageCache: options.pageCache ?? "512m",
    transactionTimeout: options.transactionTimeout ?? "120s",
    log: options.log ?? (() => undefined),
  });
  const dispose = async () => {
    await neo4j.stop();
    await rm(homeDir, { recursive: true, force: true });
  };
  const db = new Database(createDriver(neo4j.connection), undefined, createLogger("silent"));
  try {
    if (!(await db.waitUntilReady(AbortSignal.timeout(180_000)))) {
      throw new Error(`The throwaway Neo4j did not answer within 180 s; see ${path.join(homeDir, "logs")}`);
    }
    await applySchema(db);
  } catch (error) {
    await db.close();
    await dispose();
    throw error;
  }
  await db.close();
  return { neo4j, uri: neo4j.connection.uri, homeDir, dispose };
}
