/**
 * Journey: a database far bigger than the node budget, read as a map. A generated network of 8,400 actors in 21
 * countries with a budget of 400 nodes: the first view is the map of communities (one node per country, named
 * with its most central members, no disc covering another), and zooming in at the centre of the canvas, as a
 * reader does with the wheel, opens the community there with its most central members laid out inside its area;
 * zooming further shows more of them, zooming back out folds them again. viewStats() measures what is drawn.
 */
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSynthetic } from "../bench/synthetic.js";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

type Stats = { nodes: number; edges: number; labels: number; overlap: number };
type ParleyWindow = {
  parley: {
    viewStats(): Stats;
    graph: {
      getAttribute(name: string): unknown;
      hasNode(node: string): boolean;
      filterNodes(fn: (n: string, a: Record<string, unknown>) => boolean): string[];
    };
  };
};

describe("e2e #community-map", () => {
  let explorer: Explorer;
  const errors: string[] = [];

  beforeAll(async () => {
    explorer = await startExplorer({
      env: { PARLEY_GRAPH_BUDGET: "400" },
      extraData: [generateSynthetic({ actors: 8_400, events: 12_000, seed: 11 })],
    });
  }, 240_000);
  afterAll(async () => explorer?.close());

  const stats = (page: Page) => page.evaluate(() => (window as unknown as ParleyWindow).parley.viewStats());
  const members = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as ParleyWindow).parley.graph.filterNodes((_n, a) => a.category !== "community"),
    );
  const wheel = async (page: Page, steps: number, deltaY: number) => {
    const box = (await page.locator("#graph canvas").first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, deltaY);
      await page.waitForTimeout(350);
    }
  };
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`community-map-${name}`), await page.screenshot());

  it("should open on a map of communities, open the one zoomed into, and fold it on zooming out", async () => {
    const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${explorer.url}/`);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });

    // A map a person can read: every community, none covering another, names drawn.
    const level = await page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.getAttribute("level"));
    expect(level).toBe("communities");
    const overview = await stats(page);
    expect(overview.nodes).toBeGreaterThanOrEqual(20);
    expect(overview.nodes).toBeLessThanOrEqual(400);
    expect(overview.labels).toBeGreaterThanOrEqual(5);
    expect(overview.overlap).toBeLessThanOrEqual(0.05);
    expect(await members(page)).toEqual([]);
    // The fitted map keeps clear of the legend and the toolbar laid over the canvas.
    const covered = await page.evaluate(() => {
      const canvas = document.querySelector("#graph")!.getBoundingClientRect();
      const panels = ["#legend", "#toolbar"].map((id) => document.querySelector(id)!.getBoundingClientRect());
      const { discs } = (
        window as unknown as { parley: { viewStats(): { discs: { x: number; y: number; r: number }[] } } }
      ).parley.viewStats();
      return discs.filter(({ x, y, r }) =>
        panels.some(
          (p) =>
            canvas.left + x + r > p.left &&
            canvas.left + x - r < p.right &&
            canvas.top + y + r > p.top &&
            canvas.top + y - r < p.bottom,
        ),
      ).length;
    });
    expect(covered).toBe(0);
    await shoot(page, "overview");

    // Four wheel steps at the centre: the community there opens with members inside its area.
    await wheel(page, 4, -300);
    await page.waitForFunction(
      () =>
        (window as unknown as ParleyWindow).parley.graph.filterNodes((_n, a) => a.category !== "community").length >
          0 && document.body.dataset.ready === "true",
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(500);
    await shoot(page, "opened");
    const opened = await members(page);
    const zoomed = await stats(page);
    expect(zoomed.overlap).toBeLessThanOrEqual(0.1);
    expect(zoomed.nodes).toBeGreaterThan(0);
    const status = await page.locator("#status").textContent();
    expect(status).toMatch(/\d+ actors? opened/);

    // Further in, more of its members (when some were still folded); back out, the map again.
    if (status?.includes("still folded")) {
      await wheel(page, 2, -300);
      await page.waitForFunction(
        (before) =>
          (window as unknown as ParleyWindow).parley.graph.filterNodes((_n, a) => a.category !== "community").length >
          before,
        opened.length,
        { timeout: 30_000 },
      );
      await shoot(page, "deeper");
    }
    expect((await stats(page)).overlap).toBeLessThanOrEqual(0.1);
    await wheel(page, 8, 300);
    await page.waitForFunction(
      () =>
        (window as unknown as ParleyWindow).parley.graph.filterNodes((_n, a) => a.category !== "community").length ===
        0,
      null,
      { timeout: 30_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should open the community of an actor found by search, and draw the actor selected", async () => {
    const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${explorer.url}/`);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.hasNode("hassan-rouhani"))).toBe(
      false,
    );
    await page.fill("[data-testid=search-input]", "Rouhani");
    await page.click("[data-testid=search-hit][data-node=hassan-rouhani]");
    await page.waitForFunction(
      () =>
        (window as unknown as ParleyWindow).parley.graph.hasNode("hassan-rouhani") &&
        document.body.dataset.ready === "true",
      null,
      { timeout: 30_000 },
    );
    await expect(page.locator("#details h2").textContent()).resolves.toBe("Hassan Rouhani");
    await page.waitForTimeout(800);
    const onScreen = await page.evaluate(() => {
      const { renderer } = (
        window as unknown as {
          parley: {
            renderer: {
              getNodeDisplayData(n: string): { x: number; y: number } | undefined;
              framedGraphToViewport(c: { x: number; y: number }): { x: number; y: number };
              getDimensions(): { width: number; height: number };
            };
          };
        }
      ).parley;
      const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData("hassan-rouhani")!);
      const { width, height } = renderer.getDimensions();
      return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height;
    });
    expect(onScreen).toBe(true);
    await shoot(page, "found");

    // A shared link with a path from that actor to one folded in another community draws every actor on it.
    await page.goto(`${explorer.url}/?path=hassan-rouhani,khalaf-khalafov`);
    await page.waitForFunction(
      () =>
        Boolean((window as unknown as { parley?: { store: { state: { path: unknown } } } }).parley?.store.state.path) &&
        document.body.dataset.ready === "true",
      null,
      { timeout: 60_000 },
    );
    await expect(page.locator("[data-testid=path-result]").textContent()).resolves.toMatch(/shortest path/);
    const walked = await page.evaluate(() => {
      const { store, graph } = (
        window as unknown as {
          parley: { store: { state: { path: { nodes: Set<string> } | null } }; graph: { hasNode(n: string): boolean } };
        }
      ).parley;
      const nodes = [...(store.state.path?.nodes ?? [])];
      return { nodes, drawn: nodes.filter((n) => graph.hasNode(n)).length };
    });
    expect(walked.nodes).toEqual(expect.arrayContaining(["hassan-rouhani", "khalaf-khalafov"]));
    expect(walked.drawn).toBe(walked.nodes.length);
    await shoot(page, "path");
    expect(errors).toEqual([]);
    await page.close();
  });
});
