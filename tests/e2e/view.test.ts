/**
 * Journey: the network stays readable. A selection's neighbours are drawn above the nodes it dims (read from the
 * canvas's pixels), and `window.parley.viewStats()` reports what is on screen.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { colorDistance, pixelAt, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

/** What this journey reads of `window.parley` (typed loosely: the page's own objects). */
type Parley = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  graph: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  renderer: any;
  store: { state: { selectedNode: string | null } };
  viewStats(): {
    nodes: number;
    edges: number;
    labels: number;
    overlap: number;
    discs: { x: number; y: number; r: number }[];
  };
};

describe("e2e #view", () => {
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
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`view-${name}`), await page.screenshot());

  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should report what is on screen: every node of the sample, its links and labels, hardly overlapping", async () => {
    const page = await open();
    const stats = await page.evaluate(() => {
      const { graph, viewStats } = (window as unknown as { parley: Parley }).parley;
      return { ...viewStats(), order: graph.order as number, size: graph.size as number };
    });
    await shoot(page, "sample");
    expect(stats.order).toBe(44);
    expect(stats.nodes).toBe(stats.order);
    expect(stats.discs).toHaveLength(stats.nodes);
    expect(stats.edges).toBe(stats.size);
    expect(stats.labels).toBeGreaterThan(5);
    expect(stats.overlap).toBeLessThanOrEqual(0.05);
    for (const d of stats.discs) expect(d.r).toBeGreaterThan(0);
    // Zoomed in at the centre, fewer nodes are on screen and they are drawn bigger.
    const box = (await page.locator("#graph").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await page.waitForFunction(
      (before) => (window as unknown as { parley: Parley }).parley.viewStats().nodes < before,
      stats.nodes,
    );
    const zoomed = await page.evaluate(() => (window as unknown as { parley: Parley }).parley.viewStats());
    const meanRadius = (discs: { r: number }[]) => discs.reduce((sum, d) => sum + d.r, 0) / discs.length;
    expect(zoomed.nodes).toBeGreaterThan(0);
    expect(meanRadius(zoomed.discs)).toBeGreaterThan(meanRadius(stats.discs));
    await page.close();
  });

  it("should draw a selection's neighbours above the nodes it dims, even where a bigger dimmed node lies", async () => {
    const page = await open("?node=hassan-rouhani");
    // The details panel narrows the canvas as it opens: probe once the canvas has its final size.
    await page.waitForFunction(() => document.getElementById("details")?.dataset.state === "ready");
    // Put a big node the selection dims (a government, drawn by a later program than people's discs when it can)
    // right on each of a few neighbours: the neighbour's own colour must still show at its centre.
    const probes = await page.evaluate(() => {
      const { graph, renderer } = (window as unknown as { parley: Parley }).parley;
      const selected = "hassan-rouhani";
      const neighbours: string[] = graph.neighbors(selected);
      const rank = (n: string) => (graph.getNodeAttribute(n, "type") === "institution" ? 1 : 0);
      const others: string[] = graph
        .nodes()
        .filter((n: string) => n !== selected && !neighbours.includes(n))
        .sort((a: string, b: string) => rank(b) - rank(a));
      // A neighbour's centre is its colour unless it is drawn hollow (agreements).
      // People's discs first: their program draws before the governments' rings.
      const solid = neighbours
        .filter((n) => graph.getNodeAttribute(n, "type") !== "document")
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, 4);
      renderer.setSetting("renderLabels", false);
      solid.forEach((n, i) => {
        const a = graph.getNodeAttributes(n);
        graph.mergeNodeAttributes(others[i], { x: a.x, y: a.y, size: a.size * 3 });
      });
      renderer.refresh();
      const rect = renderer.getContainer().getBoundingClientRect();
      return solid.map((n, i) => {
        const data = renderer.getNodeDisplayData(n);
        const p = renderer.framedGraphToViewport(data);
        return {
          node: n,
          cover: others[i],
          x: p.x,
          y: p.y,
          width: rect.width,
          color: data.color as string,
          faded: renderer.getNodeDisplayData(others[i]).color as string,
        };
      });
    });
    expect(probes.length).toBeGreaterThan(1);
    const shot = await page.locator("#graph").screenshot();
    await shoot(page, "highlight-on-top");
    for (const probe of probes) {
      expect(probe.x >= 0 && probe.x < probe.width && probe.y >= 0, `${probe.node} on screen`).toBe(true);
      const seen = pixelAt(shot, probe.x, probe.y);
      expect(colorDistance(seen, probe.color), `${probe.node} under ${probe.cover}: ${seen}`).toBeLessThan(
        colorDistance(seen, probe.faded),
      );
    }
    await page.close();
    expect(errors).toEqual([]);
  });
});
