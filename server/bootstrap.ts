/**
 * Database bootstrap
 * ==================
 *
 * Runs in the background once the HTTP server listens: waits for Bolt, applies the schema, recovers interrupted
 * imports, and loads the bundled sample dataset into an empty database (always for the embedded database; for an
 * external one only with PARLEY_LOAD_SAMPLE=1). Until it has finished the server is up but not ready: health says
 * so, writes answer 503, and the phase is recorded in the database for the command-line tools. A failure (the
 * database went away half-way) is retried from the start, which is safe: every step is idempotent.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AppDeps, Readiness } from "./app-deps.js";
import { ROOT_DIR } from "./config.js";
import { labelCount } from "./db/counts.js";
import type { Database } from "./db/database.js";
import { applySchema } from "./db/schema.js";
import { stampKnownFrom } from "./modules/history/history.service.js";
import { stampEvidenceRanks } from "./modules/nodes/nodes.repository.js";
import { recordPhase } from "./db/state.js";
import { loadImportFile } from "./modules/ingest/import.service.js";
import { recoverStagedImports } from "./modules/ingest/import.staged.js";
import { settleAllCoordinates } from "./modules/places/places.service.js";

export const SAMPLE_DATASET = path.join(ROOT_DIR, "data", "seed.json");

/** What the server is doing to the database, as health and the explorer show it. */
export class Preparation implements Readiness {
  ready = false;
  phase = "starting the database";
}

const RETRY_AFTER_FAILURE_MS = 5_000;

/** Waits for the database and prepares it; resolves false if aborted before it was ready. */
export async function bootstrapDatabase(
  { db, config, log, importHooks }: Pick<AppDeps, "db" | "config" | "log" | "importHooks">,
  signal?: AbortSignal,
  preparation: Preparation = new Preparation(),
): Promise<boolean> {
  while (!signal?.aborted) {
    preparation.phase = "starting the database";
    if (!(await db.waitUntilReady(signal))) return false;
    try {
      await prepare({ db, config, log, importHooks }, preparation);
      preparation.phase = "ready";
      preparation.ready = true;
      return true;
    } catch (error) {
      log.error("preparing the database failed; trying again", { error, phase: preparation.phase });
      await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_FAILURE_MS));
    }
  }
  return false;
}

async function prepare(
  { db, config, log, importHooks }: Pick<AppDeps, "db" | "config" | "log" | "importHooks">,
  preparation: Preparation,
): Promise<void> {
  const phase = async (name: string) => {
    preparation.phase = name;
    await recordPhase(db, name, { starting: name === "applying the schema" });
  };
  await phase("applying the schema");
  const statements = await applySchema(db);
  log.info("schema applied", { statements });
  // Facts loaded before Parley recorded when it learned them get their load time, once (server/modules/history).
  await phase("recording when facts were learned");
  await stampKnownFrom(db, log);
  // Events and agreements loaded before their evidence rank was stored get it (hubs' neighbour pages read it).
  if (await stampEvidenceRanks(db)) log.info("events and agreements got their stored evidence rank");
  // Imports a stopped process left behind: staged ones are rolled back, published ones get their MET refresh.
  await phase("recovering interrupted imports");
  await recoverStagedImports(db, log);
  if (config.loadSample && (await isEmpty(db))) {
    await phase("loading the sample data");
    log.info("empty database: loading the sample dataset", { file: path.relative(ROOT_DIR, SAMPLE_DATASET) });
    const raw = JSON.parse(await readFile(SAMPLE_DATASET, "utf8"));
    const summary = await loadImportFile(db, raw, { hooks: importHooks, articlesDir: config.articlesDir, log });
    log.info("sample dataset loaded", { ...summary });
  }
  // Data loaded before the map existed gets its coordinates once (nodes already settled are not read again).
  await phase("placing places on the map");
  const placed = await settleAllCoordinates(db, importHooks.storeSuggestions);
  if (placed.located + placed.asked + placed.unknown > 0) log.info("places settled on the map", { ...placed });
  await recordPhase(db, "ready", { ready: true });
}

/** Whether the database holds no entity yet (from the count store, db/counts.ts: no Cypher of its own here). */
async function isEmpty(db: Database): Promise<boolean> {
  return (await db.readTx((tx) => labelCount(tx, "Entity"))) === 0;
}
