/**
 * Journey: a journalist explores the seed network: sees it, finds Rouhani and the evidence of his meeting with
 * Nechirvan Barzani, narrows the time window, switches to the event graph, expands and collapses a node, reloads
 * the link, and asks how two actors are connected.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../client/src/graph/style.js";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

type Parley = {
  graph: { order: number; nodes(): string[]; getNodeAttribute(n: string, a: string): unknown };
  store: { state: { selectedNode: string | null; path: { nodes: Set<string>; edges: Set<string> } | null } };
};
declare global {
  interface Window {
    parley: Parley;
  }
}

describe("e2e #explorer", () => {
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  const open = async (query = ""): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/${query}`);
    await ready(page);
    return page;
  };
  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  const detailsReady = (page: Page) =>
    page.waitForFunction(() => document.getElementById("details")?.dataset.state === "ready", null, {
      timeout: 30_000,
    });
  const order = (page: Page) => page.evaluate(() => window.parley.graph.order);
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`explorer-${name}`), await page.screenshot());

  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should draw coloured nodes, a legend and the central actors", async () => {
    const page = await open();
    const shot = await page.locator("#graph").screenshot();
    await shoot(page, "overview");
    expect(countColorPixels(shot, [TYPE_COLORS.person!])).toBeGreaterThan(200);
    expect(countColorPixels(shot, [TYPE_COLORS.government!])).toBeGreaterThan(50);
    expect(await page.locator("#legend .legend-item").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("[data-testid=metrics-row]").count()).toBeGreaterThan(3);
    await page.close();
  });

  it("should find Rouhani and show his meeting with Nechirvan Barzani, dated and cited", async () => {
    const page = await open();
    await page.fill("[data-testid=search-input]", "Rouhani");
    await page.waitForSelector("[data-testid=search-hit][data-node=hassan-rouhani]");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await detailsReady(page);
    expect(await page.evaluate(() => window.parley.store.state.selectedNode)).toBe("hassan-rouhani");
    await expect(page.locator("#details h2").textContent()).resolves.toBe("Hassan Rouhani");
    const meeting = page.locator("[data-testid=event]", { has: page.locator("[data-node=nechirvan-barzani]") }).first();
    await expect(meeting.locator("time").textContent()).resolves.toMatch(/21 Jan 2018/);
    expect(await meeting.locator("[data-testid=citation]").count()).toBeGreaterThan(0);
    await meeting.locator("[data-testid=show-quote]").first().click();
    const quote = (await meeting.locator("[data-testid=quote]").first().textContent()) ?? "";
    expect(quote.length).toBeGreaterThan(10);
    await shoot(page, "rouhani");
    await page.close();
  });

  it("should hide events outside the timeline brush", async () => {
    const page = await open("?view=events");
    const before = await page.evaluate(
      () =>
        window.parley.graph.nodes().filter((n) => window.parley.graph.getNodeAttribute(n, "category") === "event")
          .length,
    );
    await page.waitForFunction(() => document.getElementById("timeline")?.dataset.state === "ready");
    const first = await page.locator("rect.bar[data-month^='2017']").first().boundingBox();
    const last = await page.locator("rect.bar[data-month^='2018']").last().boundingBox();
    await page.mouse.move(first!.x + 1, first!.y + first!.height / 2);
    await page.mouse.down();
    await page.mouse.move(last!.x + last!.width - 1, last!.y + last!.height / 2, { steps: 5 });
    await page.mouse.up();
    await ready(page);
    const dates = await page.evaluate(() =>
      window.parley.graph
        .nodes()
        .filter((n) => window.parley.graph.getNodeAttribute(n, "category") === "event")
        .map((n) => String(window.parley.graph.getNodeAttribute(n, "date"))),
    );
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.length).toBeLessThan(before);
    for (const d of dates) expect(d.slice(0, 4) <= "2018").toBe(true);
    await page.waitForFunction(() => /^2018/.test(new URLSearchParams(location.search).get("to") ?? ""));
    await shoot(page, "timeline-brush");
    await page.close();
  });

  it("should switch between the met-with projection and the event graph", async () => {
    const page = await open();
    const met = await order(page);
    const metEvents = await page.evaluate(
      () =>
        window.parley.graph.nodes().filter((n) => window.parley.graph.getNodeAttribute(n, "category") === "event")
          .length,
    );
    expect(metEvents).toBe(0);
    await page.click("[data-testid=view-events]");
    await ready(page);
    const events = await order(page);
    const eventNodes = await page.evaluate(
      () =>
        window.parley.graph.nodes().filter((n) => window.parley.graph.getNodeAttribute(n, "category") === "event")
          .length,
    );
    expect(eventNodes).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(met);
    await shoot(page, "event-graph");
    await page.click("[data-testid=view-met]");
    await ready(page);
    expect(await order(page)).toBe(met);
    await page.close();
  });

  it("should expand a node's neighbours and collapse them again, with undo", async () => {
    // The Kurdistan Region's places and events are not drawn in the "met with" view, so expanding adds nodes.
    const page = await open("?node=kurdistan-region");
    await detailsReady(page);
    const before = await order(page);
    await page.click("[data-testid=expand]");
    await ready(page);
    const expanded = await order(page);
    expect(expanded).toBeGreaterThan(before);
    await detailsReady(page);
    await shoot(page, "expanded");
    await page.click("[data-testid=collapse]");
    expect(await order(page)).toBe(before);
    await page.click("[data-testid=undo]");
    expect(await order(page)).toBe(expanded);
    await page.click("[data-testid=undo]");
    expect(await order(page)).toBe(before);
    await page.close();
  });

  it("should restore the same selection from the URL after a reload", async () => {
    const page = await open();
    await page.fill("[data-testid=search-input]", "Rouhani");
    await page.waitForSelector("[data-testid=search-hit][data-node=hassan-rouhani]");
    await page.keyboard.press("Enter");
    await detailsReady(page);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("node") === "hassan-rouhani");
    await page.reload();
    await ready(page);
    await detailsReady(page);
    expect(await page.evaluate(() => window.parley.store.state.selectedNode)).toBe("hassan-rouhani");
    await expect(page.locator("#details h2").textContent()).resolves.toBe("Hassan Rouhani");
    await page.close();
  });

  it("should highlight the shortest path between two actors", async () => {
    const page = await open();
    await page.fill("[data-testid=path-from-input]", "Hassan Rouhani");
    await page.fill("[data-testid=path-to-input]", "Khalaf Khalafov");
    await page.click("[data-testid=path-find]");
    await page.waitForFunction(() => window.parley.store.state.path !== null, null, { timeout: 30_000 });
    const path = await page.evaluate(() => ({
      nodes: [...window.parley.store.state.path!.nodes],
      edges: window.parley.store.state.path!.edges.size,
    }));
    expect(path.nodes).toContain("hassan-rouhani");
    expect(path.nodes).toContain("khalaf-khalafov");
    expect(path.edges).toBeGreaterThan(0);
    await expect(page.locator("[data-testid=path-result]").textContent()).resolves.toMatch(/shortest path/);
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get("path") === "hassan-rouhani,khalaf-khalafov",
    );
    await shoot(page, "path");
    await page.close();
    expect(errors).toEqual([]);
  });
});
