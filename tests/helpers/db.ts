/**
 * Test helpers: database
 * ======================
 *
 * Opens the run's test database (see global-setup.ts), empties it between files, and builds apps on it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createApp } from "../../server/app.js";
import type { Readiness } from "../../server/app-deps.js";
import { ROOT_DIR, loadConfig } from "../../server/config.js";
import { Database, createDriver } from "../../server/db/database.js";
import { applySchema } from "../../server/db/schema.js";
import { createLogger } from "../../server/log.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";

export const SHARED_DIR = path.resolve(ROOT_DIR, "..", "shared");
export const SEEDS_DIR = path.join(SHARED_DIR, "seeds");

/** A Database on the run's Neo4j; close it in afterAll. */
export function openTestDatabase(): Database {
  const uri = inject("neo4jUri");
  return new Database(createDriver({ uri, user: "neo4j", password: null }), undefined, createLogger("silent"));
}

/** Deletes every node and relationship (the schema stays). */
export async function resetDatabase(db: Database): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run("MATCH (n) DETACH DELETE n");
  });
  await applySchema(db);
}

/**
 * The app on the test database, configured as `npm start` would be, but for the test Neo4j; `readiness` stands for
 * the server's preparation of the database (ready when absent).
 */
export function createTestApp(db: Database, env: Record<string, string> = {}, readiness?: Readiness) {
  const config = loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_PASSWORD: "",
    PARLEY_ARTICLES_DIR: SEEDS_DIR,
    ...env,
  });
  return {
    app: createApp({ config, db, log: createLogger("silent"), importHooks: curationImportHooks, readiness }),
    config,
  };
}

/** The bundled sample dataset as parsed JSON. */
export function seedDataset(): unknown {
  return JSON.parse(readFileSync(path.join(ROOT_DIR, "data", "seed.json"), "utf8"));
}
