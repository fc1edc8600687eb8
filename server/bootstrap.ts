/**
 * Database bootstrap
 * ==================
 *
 * Runs in the background once the HTTP server listens: waits for Bolt, applies the schema, and loads the bundled
 * sample dataset into an empty database (always for the embedded database; for an external one only with
 * PARLEY_LOAD_SAMPLE=1), then stores article texts found in PARLEY_ARTICLES_DIR.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AppDeps } from "./app-deps.js";
import { ROOT_DIR } from "./config.js";
import type { Database } from "./db/database.js";
import { applySchema } from "./db/schema.js";
import { loadImportFile } from "./modules/ingest/import.service.js";
import { recoverStagedImports } from "./modules/ingest/import.staged.js";

export const SAMPLE_DATASET = path.join(ROOT_DIR, "data", "seed.json");

/** Waits for the database and prepares it; resolves false if aborted before the database came up. */
export async function bootstrapDatabase(
  { db, config, log, importHooks }: Pick<AppDeps, "db" | "config" | "log" | "importHooks">,
  signal?: AbortSignal,
): Promise<boolean> {
  if (!(await db.waitUntilReady(signal))) return false;
  const statements = await applySchema(db);
  log.info("schema applied", { statements });
  // Imports a stopped process left behind: staged ones are rolled back, published ones get their MET refresh.
  await recoverStagedImports(db, log);
  if (config.loadSample && (await isEmpty(db))) {
    log.info("empty database: loading the sample dataset", { file: path.relative(ROOT_DIR, SAMPLE_DATASET) });
    const raw = JSON.parse(await readFile(SAMPLE_DATASET, "utf8"));
    const summary = await loadImportFile(db, raw, { hooks: importHooks, articlesDir: config.articlesDir, log });
    log.info("sample dataset loaded", { ...summary });
  }
  return true;
}

async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.read("MATCH (n:Entity) RETURN count(n) > 0 AS any", {}, (r) => r.get("any") as boolean);
  return !rows[0];
}
