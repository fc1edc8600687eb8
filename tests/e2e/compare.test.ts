/**
 * Journey: compare two periods
 * ============================
 *
 * A reader opens a link that compares 2017–2018 with 2023–2025 on the sample plus a few invented meetings (a pair
 * that met in both periods, three times in the later): the network draws the ties new in B in green, the ended
 * ones in red and the kept ones in grey, the panel's legend counts each, and its list of biggest changes selects a
 * tie when clicked. Stopping the comparison brings the ordinary network back.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_STYLES } from "../../client/src/graph/style.js";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

const meeting = (id: string, date: string) => ({
  id,
  type: "event",
  kind: "meeting",
  name: `Invented talks ${id}`,
  date,
  participants: [{ actor: "fx-cmp-ida" }, { actor: "fx-cmp-jon" }],
});

const invented = {
  format: "parley-import",
  version: 1,
  nodes: [
    { id: "fx-cmp-ida", type: "person", name: "Ida Invented" },
    { id: "fx-cmp-jon", type: "person", name: "Jon Invented" },
    meeting("fx-cmp-e1", "2017-11-02"),
    meeting("fx-cmp-e2", "2023-04-12"),
    meeting("fx-cmp-e3", "2024-02-20"),
    meeting("fx-cmp-e4", "2025-01-08"),
  ],
};

describe("e2e #compare two periods", () => {
  let explorer: Explorer;
  const errors: string[] = [];

  beforeAll(async () => {
    explorer = await startExplorer({ extraData: [invented] });
  });
  afterAll(async () => {
    await explorer?.close();
  });

  const open = async (query: string): Promise<Page> => {
    const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${explorer.url}/${query}`);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 90_000 });
    return page;
  };

  it("should draw new, ended and kept ties in three styles, count them and list the biggest changes", async () => {
    const page = await open("?compare=2017..2018,2023..2025");
    const legend = page.getByTestId("compare-legend");
    await legend.waitFor({ timeout: 30_000 });
    const count = async (change: string) =>
      Number(await legend.locator(`[data-change="${change}"] .count`).textContent());
    const [added, removed, kept] = [await count("added"), await count("removed"), await count("kept")];
    expect(added).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
    expect(kept).toBeGreaterThanOrEqual(1);

    await page.screenshot({ path: screenshotPath("compare-periods") });
    const canvas = await page.screenshot({ clip: (await page.locator("#graph").boundingBox())! });
    for (const change of ["added", "removed", "kept"] as const)
      expect(countColorPixels(canvas, [CHANGE_STYLES[change].color], 30), change).toBeGreaterThan(5);

    // The pair that met once in A and three times in B grew the most: it leads the changes; a click selects the tie.
    const changes = page.getByTestId("compare-changes");
    await expect.poll(() => changes.textContent()).toContain("Ida Invented – Jon Invented");
    await changes.getByRole("button", { name: "Ida Invented – Jon Invented" }).click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("edge"))).toBeTruthy();
    expect(await changes.locator("li").first().textContent()).toContain("grew from 1 to 3");
    expect(new URLSearchParams(new URL(page.url()).search).get("compare")).toBe("2017..2018,2023..2025");
    await page.close();
  });

  it("should compare the periods typed in the panel and go back to one network on Stop comparing", async () => {
    const page = await open("");
    await page.getByTestId("compare-a-from").fill("2017");
    await page.getByTestId("compare-a-to").fill("2018");
    await page.getByTestId("compare-b-from").fill("2023");
    await page.getByTestId("compare-b-to").fill("2019");
    await page.getByTestId("compare-run").click();
    await expect.poll(() => page.getByTestId("compare-panel").textContent()).toContain("must not end before it starts");
    await page.getByTestId("compare-b-to").fill("2025");
    await page.getByTestId("compare-run").click();
    await page.getByTestId("compare-legend").waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    await page.getByTestId("compare-stop").click();
    await page.getByTestId("compare-form").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("compare"))).toBeNull();
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    await page.close();
    expect(errors).toEqual([]);
  });
});
