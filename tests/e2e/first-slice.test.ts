/**
 * Journey: a newcomer opens Parley and sees the network from the real database.
 */
import { writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../../server/modules/ingest/import.service.js";
import { TYPE_COLORS } from "../../client/src/graph/style.js";
import { countColorPixels, ensureClientBuilt, launchBrowser, listen, screenshotPath } from "../helpers/browser.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

describe("e2e #first-slice", () => {
  let db: Database;
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset());
    await ensureClientBuilt();
    ({ url, server } = await listen(createTestApp(db).app));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await db?.close();
  });

  it("should draw the network's nodes on the sigma canvas", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    const shot = await page.locator("#graph").screenshot();
    writeFileSync(screenshotPath("first-slice"), shot);
    // People and governments are in the seed data; their colours must be on screen, not a blank or grey canvas.
    expect(countColorPixels(shot, [TYPE_COLORS.person!])).toBeGreaterThan(200);
    expect(countColorPixels(shot, [TYPE_COLORS.government!])).toBeGreaterThan(50);
    expect(await page.locator("#legend .legend-item").count()).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
