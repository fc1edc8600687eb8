/**
 * Test database
 * =============
 *
 * Starts one real embedded Neo4j for the run, on free ports, without auth (loopback only), in a throwaway folder
 * under `.parley/`, and removes it afterwards. Never uses NEO4J_URI: only PARLEY_TEST_NEO4J_URI may point the
 * tests at another server.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT_DIR } from "../server/config.js";
import { Database, createDriver } from "../server/db/database.js";
import { EmbeddedNeo4j } from "../server/db/embedded/embedded-neo4j.js";
import { NEO4J_VERSION } from "../server/db/embedded/prerequisites.js";
import { applySchema } from "../server/db/schema.js";
import { createLogger } from "../server/log.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jHome: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger("warn");
  const external = process.env.PARLEY_TEST_NEO4J_URI;
  let embedded: EmbeddedNeo4j | null = null;
  const homeDir = path.join(ROOT_DIR, ".parley", `test-${process.pid}-${Date.now()}`);
  let uri: string;
  if (external) {
    uri = external;
  } else {
    const started = Date.now();
    embedded = await EmbeddedNeo4j.start({
      homeDir,
      jarCacheDir: path.join(ROOT_DIR, ".parley", "jars", NEO4J_VERSION),
      pidFile: path.join(homeDir, "neo4j.pid"),
      boltPort: 0,
      httpPort: 0,
      auth: false,
      heap: "1g",
      pageCache: "512m",
      transactionTimeout: "120s",
      log: (line) => console.error(`[test neo4j] ${line}`),
    });
    uri = embedded.connection.uri;
    const db = new Database(createDriver({ uri, user: "neo4j", password: null }), undefined, log);
    const deadline = AbortSignal.timeout(120_000);
    if (!(await db.waitUntilReady(deadline))) throw new Error(`The test Neo4j did not answer within 120 s; see ${homeDir}/logs`);
    await applySchema(db);
    await db.close();
    console.error(`[test neo4j] ready at ${uri} in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  project.provide("neo4jUri", uri);
  project.provide("neo4jHome", homeDir);
  return async () => {
    await embedded?.stop();
    if (embedded) await rm(homeDir, { recursive: true, force: true });
  };
}
