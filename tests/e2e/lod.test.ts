/**
 * Journey: the overview of a database bigger than the node budget. With a budget of 10 the seed data no longer
 * fits, so the server folds actors into community meta-nodes (server/modules/graph/graph.lod.ts); the reader sees
 * them in the legend, clicks one, and its members open in place; undo folds them again.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

/** What the explorer exposes on `window.parley` that this journey reads. */
type ParleyWindow = {
  parley: {
    graph: {
      order: number;
      hasNode(n: string): boolean;
      filterNodes(fn: (n: string, a: Record<string, unknown>) => boolean): string[];
      getNodeAttributes(n: string): Record<string, unknown>;
    };
    renderer: {
      getNodeDisplayData(n: string): { x: number; y: number } | undefined;
      framedGraphToViewport(c: { x: number; y: number }): { x: number; y: number };
      getContainer(): HTMLElement;
    };
  };
};

describe("e2e #lod", () => {
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`lod-${name}`), await page.screenshot());

  let explorer: Explorer;
  beforeAll(async () => {
    // The seed data has about 40 actors: a budget of 10 turns its overview into the level-of-detail one.
    explorer = await startExplorer({ env: { PARLEY_GRAPH_BUDGET: "10" } });
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should show community meta-nodes and open one in place on click", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/`);
    await ready(page);

    const before = await page.evaluate(() => {
      const { graph } = (window as unknown as ParleyWindow).parley;
      const metas = graph.filterNodes((_n, a) => a.category === "community");
      const open = metas.find((n) => graph.getNodeAttributes(n).expandable === true) ?? null;
      return { order: graph.order, metas, open, community: open ? graph.getNodeAttributes(open).community : null };
    });
    expect(before.order).toBeLessThanOrEqual(10);
    expect(before.metas.length).toBeGreaterThan(0);
    expect(before.open).not.toBeNull();
    await expect(page.locator("#legend .legend-item[data-category=community]").count()).resolves.toBe(1);
    await shoot(page, "overview");

    // The community's own top actors, as the server answers for it.
    const answer = (await (
      await fetch(`${url}/api/graph?view=met&community=${before.community as string}`)
    ).json()) as {
      nodes: { key: string; attributes: { category: string } }[];
    };
    const members = answer.nodes.filter((n) => n.attributes.category !== "community").map((n) => n.key);
    expect(members.length).toBeGreaterThan(0);

    // Click the meta-node where sigma draws it.
    const at = await page.evaluate((node) => {
      const { renderer } = (window as unknown as ParleyWindow).parley;
      const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(node)!);
      const box = renderer.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, before.open!);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      (order) =>
        (window as unknown as ParleyWindow).parley.graph.order > order && document.body.dataset.ready === "true",
      before.order,
      { timeout: 30_000 },
    );

    const present = await page.evaluate(
      (keys) => keys.filter((k) => (window as unknown as ParleyWindow).parley.graph.hasNode(k)),
      members,
    );
    expect(present).toEqual(members);
    // A meta-node is not an actor: clicking it opens it and does not open the details panel.
    expect(await page.locator("#details").isHidden()).toBe(true);
    await shoot(page, "opened");

    await page.keyboard.press("Control+z");
    await page.waitForFunction(
      (order) => (window as unknown as ParleyWindow).parley.graph.order === order,
      before.order,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
