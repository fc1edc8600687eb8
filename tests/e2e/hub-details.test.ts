/**
 * Journey: the details of a hub. The busiest actor of a small synthetic dataset (73 meetings: three pages) shows the
 * first page of its events (oldest first) with a button that says how many are shown; each click appends the next
 * page, and the button goes away when all are shown.
 */
import { writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PAGE } from "../../server/modules/nodes/nodes.schemas.js";
import { generateSynthetic, participationDegrees } from "../bench/synthetic.js";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

describe("e2e #hub-details", () => {
  const data = generateSynthetic({ actors: 300, events: 900, seed: 2026 });
  const [hub, degree] = [...participationDegrees(data)].sort((a, b) => b[1] - a[1])[0]!;
  let explorer: Explorer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    explorer = await startExplorer({ extraData: [data] });
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should list a hub's events a page at a time and append the next page on request", async () => {
    expect(degree).toBeGreaterThan(2 * EVENTS_PAGE);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/?node=${hub}`);
    const more = page.getByTestId("more-events");
    await more.waitFor({ timeout: 60_000 });
    const items = page.getByTestId("events").locator(":scope > li");
    expect(await items.count()).toBe(EVENTS_PAGE);
    const total = Number(
      (
        await page
          .locator(".details-section", { has: page.getByTestId("events") })
          .locator(".count")
          .textContent()
      )?.replace(/\D/g, ""),
    );
    expect(total).toBeGreaterThan(2 * EVENTS_PAGE);
    expect(await more.textContent()).toContain(`${EVENTS_PAGE} of ${total.toLocaleString("en-US")} shown`);
    writeFileSync(screenshotPath("hub-details-first-page"), await page.screenshot());

    await more.click();
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2 * EVENTS_PAGE);
    expect(await more.textContent()).toContain(`${2 * EVENTS_PAGE} of ${total.toLocaleString("en-US")} shown`);
    while ((await more.count()) > 0) {
      const before = await items.count();
      await more.click();
      await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(before);
    }
    expect(await items.count()).toBe(total);
    // Oldest first across pages: each page continues where the one before stopped.
    const dates = await page
      .getByTestId("events")
      .locator(":scope > li time.date")
      .evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? "").filter(Boolean));
    expect(dates.length).toBe(total);
    expect(dates).toEqual([...dates].sort());
    expect(errors).toEqual([]);
  });
});
