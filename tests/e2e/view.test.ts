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
  store: { state: { selectedNode: string | null; path: { nodes: Set<string> } | null } };
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
    // The legend folds down to its title, out of the way of the labels beneath it, and unfolds again.
    const legendHeight = async () => (await page.locator("#legend").boundingBox())!.height;
    const unfolded = await legendHeight();
    await page.click("[data-testid=legend-toggle]");
    expect(await page.locator("#legend .legend-item").first().isVisible()).toBe(false);
    expect(await legendHeight()).toBeLessThan(unfolded / 2);
    await page.click("[data-testid=legend-toggle]");
    expect(await page.locator("#legend .legend-item").first().isVisible()).toBe(true);
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

  /** Resolves once every one of `ids` is drawn inside the canvas (the camera animates there). */
  const onScreen = (page: Page, ids: string[]) =>
    page.waitForFunction(
      (nodes) => {
        const { renderer } = (window as unknown as { parley: Parley }).parley;
        const { width, height } = renderer.getDimensions();
        return nodes.every((n) => {
          const data = renderer.getNodeDisplayData(n);
          if (!data) return false;
          const p = renderer.framedGraphToViewport(data);
          return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
        });
      },
      ids,
      { timeout: 10_000 },
    );
  /** Moves the camera far into a corner, where none of the sample is drawn. */
  const lookAway = (page: Page) =>
    page.evaluate(() => {
      const { renderer } = (window as unknown as { parley: Parley }).parley;
      renderer.getCamera().setState({ x: 3, y: 3, ratio: 0.2, angle: 0 });
      return (window as unknown as { parley: Parley }).parley.viewStats().nodes;
    });

  it("should bring a path and an expansion on screen, wherever the camera was", async () => {
    const page = await open();
    expect(await lookAway(page)).toBe(0);
    await page.fill("[data-testid=path-from-input]", "Hassan Rouhani");
    await page.fill("[data-testid=path-to-input]", "Khalaf Khalafov");
    await page.click("[data-testid=path-find]");
    await page.waitForFunction(() => (window as unknown as { parley: Parley }).parley.store.state.path !== null);
    const path = await page.evaluate(() => [
      ...(window as unknown as { parley: Parley }).parley.store.state.path!.nodes,
    ]);
    expect(path.length).toBeGreaterThan(2);
    await onScreen(page, path);
    await shoot(page, "path-fitted");
    await page.close();

    const expanding = await open("?node=kurdistan-region");
    await expanding.waitForFunction(() => document.getElementById("details")?.dataset.state === "ready");
    const before = await expanding.evaluate(() => (window as unknown as { parley: Parley }).parley.graph.nodes());
    expect(await lookAway(expanding)).toBe(0);
    await expanding.click("[data-testid=expand]");
    await ready(expanding);
    const added = await expanding.evaluate(
      (known) =>
        (window as unknown as { parley: Parley }).parley.graph.nodes().filter((n: string) => !known.includes(n)),
      before,
    );
    expect(added.length).toBeGreaterThan(0);
    await onScreen(expanding, ["kurdistan-region", ...added]);
    await shoot(expanding, "expand-fitted");
    await expanding.close();
  });

  it("should restore a shared link's filters and zoom as a drawing, with every kind still listed", async () => {
    // A camera from another drawing of the graph, zoomed in far from where this one lies.
    const page = await open("?kinds=person&cam=0.97,0.03,0.2");
    const stats = await page.evaluate(() => (window as unknown as { parley: Parley }).parley.viewStats());
    expect(stats.nodes).toBeGreaterThan(3);
    expect(await page.locator("[data-testid^=filter-kinds-]").count()).toBe(5);
    expect(await page.locator("[data-testid=filter-kinds-person]").isChecked()).toBe(true);
    await shoot(page, "shared-filters");
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
