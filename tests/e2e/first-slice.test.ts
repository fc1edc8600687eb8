/**
 * Journey: a newcomer opens Parley and sees the network from the real database.
 */
import { writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../client/src/graph/style.js";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

describe("e2e #first-slice", () => {
  let url: string;
  let browser: Browser;

  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

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
