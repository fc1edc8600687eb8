/**
 * Journey: an analyst opens the Cypher console, asks a question the buttons do not cover, sees the answer drawn in
 * the explorer's graph and listed in the table, and finds that a write query is refused without touching the data.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../client/src/graph/style.js";
import type { Database } from "../../server/db/database.js";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

/** `window.parley` as these tests read it (typed locally: other specs declare their own shape). */
interface ParleyHandle {
  graph: { order: number; size: number; nodes(): string[]; getNodeAttribute(n: string, a: string): unknown };
  viewStats(): { labels: number };
}
type ParleyWindow = Window & { parley: ParleyHandle };

describe("e2e #console", () => {
  let db: Database;
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  const order = (page: Page) => page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.order);
  const counts = () =>
    db.readTx(async (tx) => {
      const r = await tx.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r");
      return { nodes: Number(r.records[0]!.get("n")), rels: Number(r.records[0]!.get("r")) };
    });

  /** Opens the explorer and the console drawer, with the editor focused and empty. */
  const openConsole = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await ready(page);
    await page.click("[data-testid=console-toggle]");
    await page.waitForSelector("[data-testid=console-drawer] .cm-content");
    return page;
  };
  const typeQuery = async (page: Page, query: string) => {
    await page.click("[data-testid=console-drawer] .cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // closeBrackets would double typed closers: insert the text as one edit instead.
    await page.keyboard.insertText(query);
  };

  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
    ({ db, url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should draw a query's result in the graph and the table on Ctrl+Enter", async () => {
    const page = await openConsole();
    const before = await order(page);
    const governmentBefore = countColorPixels(await page.locator("#graph").screenshot(), [TYPE_COLORS.government!]);
    expect(before).toBeGreaterThan(8);
    expect(governmentBefore).toBeGreaterThan(50);

    await typeQuery(page, "MATCH (p:Person)-[m:MET]-(q:Person)\nRETURN p, m, q\nORDER BY p.name, q.name\nLIMIT 6");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-testid=console-drawer]")?.dataset.drawn,
    );
    await ready(page);

    const rows = await page.locator("[data-testid=console-table] tbody tr").count();
    expect(rows).toBe(6);
    const after = await order(page);
    expect(after).toBeGreaterThan(1);
    expect(after).toBeLessThan(before);
    const categories = await page.evaluate(() => {
      const { graph } = (window as unknown as ParleyWindow).parley;
      return graph.nodes().map((n) => String(graph.getNodeAttribute(n, "category")));
    });
    expect(new Set(categories)).toEqual(new Set(["person"]));
    // Drawn through the explorer's path: people in their colour, no government left, a legend for one type.
    const shot = await page.locator("#graph").screenshot();
    expect(countColorPixels(shot, [TYPE_COLORS.person!])).toBeGreaterThan(100);
    expect(countColorPixels(shot, [TYPE_COLORS.government!])).toBeLessThan(governmentBefore / 4);
    expect(await page.locator("#legend .legend-item").count()).toBe(1);
    await expect(page.locator("[data-testid=view-banner]").getAttribute("data-source")).resolves.toBe("query");
    writeFileSync(screenshotPath("console-result"), await page.screenshot());

    // A question that returns people alone draws them as a network: their meetings, and their names.
    await typeQuery(page, "MATCH (p:Person) RETURN p ORDER BY p.name");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=console-status]")?.textContent?.includes("links among them"),
    );
    await ready(page);
    const drawing = await page.evaluate(() => {
      const { graph, viewStats } = (window as unknown as ParleyWindow).parley;
      return { nodes: graph.order, links: graph.size, labels: viewStats().labels };
    });
    expect(drawing.links).toBeGreaterThan(5);
    expect(drawing.labels).toBeGreaterThan(3);
    writeFileSync(screenshotPath("console-people"), await page.screenshot());

    // "Add to view" keeps what is there and adds the result.
    await page.click("[data-testid=back-to-database]");
    await ready(page);
    expect(await order(page)).toBe(before);
    await page.check("[data-testid=console-mode-add]");
    await typeQuery(page, "MATCH (e:Event) RETURN e ORDER BY e.id LIMIT 3");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(() => document.body.dataset.source === "query");
    await ready(page);
    expect(await order(page)).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should show the rejection of a write query, clear the earlier result and leave the database unchanged", async () => {
    const page = await openConsole();
    await typeQuery(page, "MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 3");
    await page.keyboard.press("Control+Enter");
    await page.locator("[data-testid=console-table] tbody tr").first().waitFor();
    await ready(page);
    const before = await counts();
    const drawn = await order(page);
    await typeQuery(page, "CREATE (n:X {name: 'intruder'}) RETURN n");
    await page.keyboard.press("Control+Enter");
    const error = page.locator("[data-testid=console-error]");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toMatch(/READ_ONLY/);
    // The three names of the earlier query are gone: they are not this query's answer.
    expect(await page.locator("[data-testid=console-table] tbody tr").count()).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await order(page)).toBe(drawn);
    writeFileSync(screenshotPath("console-rejected"), await page.screenshot());
    expect(errors).toEqual([]);
    await page.close();
  });
});
