/**
 * Journey: opened right after `npm start`, while the server still prepares the database, the page says what is
 * happening instead of "not reachable" or "empty", and fills itself once the database is ready.
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../client/src/graph/style.js";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

describe("e2e #first-start", () => {
  const preparation = { ready: false, phase: "loading the sample data" };
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer({ readiness: preparation });
  });
  afterAll(async () => explorer?.close());

  it("should say the database is being prepared, then draw the network by itself when it is ready", async () => {
    const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(explorer.url);
    const message = page.locator("#message");
    await message.getByText("Preparing the database: loading the sample data").waitFor({ timeout: 30_000 });
    await expect(message.textContent()).resolves.not.toMatch(/empty|not reachable/i);
    writeFileSync(screenshotPath("first-start-preparing"), await page.screenshot());

    preparation.ready = true;
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    await expect(message.isHidden()).resolves.toBe(true);
    const shot = await page.locator("#graph").screenshot();
    writeFileSync(screenshotPath("first-start-ready"), shot);
    expect(countColorPixels(shot, [TYPE_COLORS.person!])).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
