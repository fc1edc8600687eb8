/**
 * Test helpers: the explorer on a real database
 * =============================================
 *
 * What every browser journey starts from: the run's Neo4j emptied and loaded with the seed dataset (article texts
 * included), the built client served by an app on a free port, and a fresh Chromium.
 */
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import type { Readiness } from "../../server/app-deps.js";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "./load.js";
import { ensureClientBuilt, launchBrowser, listen } from "./browser.js";
import { SEEDS_DIR, createTestApp, openTestDatabase, resetDatabase, seedDataset } from "./db.js";

export interface Explorer {
  db: Database;
  server: Server;
  url: string;
  browser: Browser;
  /** Closes the browser, the HTTP server and the driver. */
  close(): Promise<void>;
}

/**
 * Starts the explorer on the seed dataset plus `extraData` (import documents), with extra environment `env` and,
 * when given, the server's `readiness` (ready when absent).
 */
export async function startExplorer(
  options: { env?: Record<string, string>; extraData?: unknown[]; readiness?: Readiness } = {},
): Promise<Explorer> {
  const db = openTestDatabase();
  await resetDatabase(db);
  await loadImportFile(db, seedDataset(), { articlesDir: SEEDS_DIR });
  for (const data of options.extraData ?? []) await loadImportFile(db, data);
  await ensureClientBuilt();
  const { url, server } = await listen(createTestApp(db, options.env, options.readiness).app);
  const browser = await launchBrowser();
  return {
    db,
    server,
    url,
    browser,
    close: async () => {
      await browser.close();
      server.close();
      await db.close();
    },
  };
}
