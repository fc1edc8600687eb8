/**
 * Journey: compare two periods
 * ============================
 *
 * A reader opens a link that compares 2017–2018 with 2023–2025 on the sample plus a few invented meetings (a pair
 * that met in both periods, three times in the later): the network draws the ties new in B in green, the ended
 * ones in red and the kept ones in grey, the panel's legend counts each, and its list of biggest changes selects a
 * tie when clicked. Stopping the comparison brings the ordinary network back. "As known on" a day before a curator
 * merged two actors shows them apart again, with a badge, and one click goes back to today.
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
    // A duplicate of Jon that a curator merges (in the last test), after the day the record is then read as of.
    { id: "fx-cmp-jon2", type: "person", name: "Jonathan Invented" },
    {
      id: "fx-cmp-e5",
      type: "event",
      kind: "meeting",
      name: "Invented talks fx-cmp-e5",
      date: "2015-03-03",
      participants: [{ actor: "fx-cmp-ida" }, { actor: "fx-cmp-jon2" }],
    },
  ],
};

type Parley = { graph: { hasNode(n: string): boolean } };
/** Runs in the page: the explorer handle, typed locally (other e2e files declare `Window.parley` their own way). */
type ParleyWindow = { parley: Parley };

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

  it("should show two actors merged after the 'As known on' day apart, and one again back to today", async () => {
    // As if everything had been loaded on 2026-01-10; the merge below is made today.
    await explorer.db.writeTx((tx) =>
      tx.run(
        `MATCH (n:Entity) SET n.knownFrom = datetime('2026-01-10T12:00:00Z')
         WITH count(*) AS _
         MATCH (:Entity)-[r]->(:Entity) WHERE r.knownFrom IS NOT NULL SET r.knownFrom = datetime('2026-01-10T12:00:00Z')`,
      ),
    );
    const merged = await fetch(`${explorer.url}/api/curation/merge`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ keep: "fx-cmp-jon", merge: "fx-cmp-jon2", reason: "the same person" }),
    });
    expect(merged.status).toBe(200);
    const has = (page: Page, id: string) =>
      page.evaluate((node) => (window as unknown as ParleyWindow).parley.graph.hasNode(node), id);

    const page = await open("");
    expect(await has(page, "fx-cmp-jon2")).toBe(false);
    await page.getByLabel("As known on", { exact: true }).fill("2026-02-01");
    await page.getByLabel("As known on", { exact: true }).press("Enter");
    const badge = page.getByTestId("as-of-badge");
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.textContent()).toContain("As known on 2026-02-01");
    await expect.poll(() => has(page, "fx-cmp-jon2"), { timeout: 60_000 }).toBe(true);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    expect(await has(page, "fx-cmp-jon")).toBe(true);
    expect(new URLSearchParams(new URL(page.url()).search).get("asOf")).toBe("2026-02-01");
    await page.screenshot({ path: screenshotPath("as-known-on") });

    await page.getByTestId("as-of-today").click();
    await expect.poll(() => has(page, "fx-cmp-jon2"), { timeout: 60_000 }).toBe(false);
    await expect.poll(() => page.getByTestId("as-of-badge").count()).toBe(0);
    await page.close();
    expect(errors).toEqual([]);
  });
});
