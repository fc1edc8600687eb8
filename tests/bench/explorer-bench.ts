/**
 * Reading a big network
 * =====================
 *
 * The explorer on the server the endpoint bench runs, in headless Chromium, as a reader first meets it: how long
 * the overview takes to settle once its data has arrived, what it draws (`window.parley.viewStats()`: nodes, labels,
 * and how much the discs cover one another), then the time to open the biggest community with a click and to
 * expand the most connected actor it shows, with what each then draws.
 */
import type { Page } from "playwright-core";
import { ensureClientBuilt, launchBrowser } from "../helpers/browser.js";
import type { BenchReport } from "./report.js";

interface Stats {
  nodes: number;
  labels: number;
  overlap: number;
}

const ready = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 300_000 });
const stats = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { parley: { viewStats(): Stats } }).parley.viewStats();
    return { nodes: s.nodes, labels: s.labels, overlap: s.overlap };
  });
const order = (page: Page) =>
  page.evaluate(() => (window as unknown as { parley: { graph: { order: number } } }).parley.graph.order);
const describe = (s: Stats) => `${s.nodes} nodes and ${s.labels} labels drawn, overlap ${s.overlap.toFixed(3)}`;

/** Measures the explorer's first view and drill-down at `baseUrl`. */
export async function benchExplorerReading(baseUrl: string, sizeLabel: string, report: BenchReport): Promise<void> {
  await ensureClientBuilt();
  const browser = await launchBrowser();
  const record = (metric: string, value: number, unit: string, note: string) =>
    report.record({ section: "browser", metric, size: sizeLabel, value, unit, note });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The overview's data is read once untimed (the server builds its summary on the first request).
    await page.goto(`${baseUrl}/`);
    await ready(page);
    await page.goto(`${baseUrl}/`);
    await page.evaluate(() => {
      const marks = window as unknown as { settledAt?: number };
      new MutationObserver(() => {
        if (document.body.dataset.ready === "true" && marks.settledAt === undefined)
          marks.settledAt = performance.now();
      }).observe(document.body, { attributes: true, attributeFilter: ["data-ready"] });
    });
    await ready(page);
    const settled = await page.evaluate(() => {
      const arrived = performance
        .getEntriesByType("resource")
        .filter((e) => /\/api\/graph(\?|$)/.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).responseEnd)
        .at(-1);
      const at = (window as unknown as { settledAt?: number }).settledAt ?? performance.now();
      return arrived === undefined ? null : at - arrived;
    });
    const overview = await stats(page);
    const level = await page.evaluate(() =>
      (window as unknown as { parley: { graph: { getAttribute(n: string): unknown } } }).parley.graph.getAttribute(
        "level",
      ),
    );
    const what = level === "communities" ? "map of communities" : "whole network";
    if (settled !== null) record("overview settled after its data", settled, "ms", `${what}; ${describe(overview)}`);
    record("overview overlap", overview.overlap, "share", `${what}; ${describe(overview)}`);
    if (level !== "communities") return;

    // A click on the biggest community: it opens where it is (the camera zooms into it).
    const biggest = await page.evaluate(() => {
      const p = (
        window as unknown as {
          parley: {
            graph: {
              filterNodes(f: (n: string, a: Record<string, unknown>) => boolean): string[];
              getNodeAttribute(n: string, a: string): unknown;
            };
            renderer: {
              getNodeDisplayData(n: string): { x: number; y: number };
              framedGraphToViewport(c: { x: number; y: number }): { x: number; y: number };
              getContainer(): HTMLElement;
            };
          };
        }
      ).parley;
      // No named functions in here: the page has no `__name`, which the bundler would wrap them with.
      const [meta, members] = p.graph
        .filterNodes((_n, a) => a.category === "community" && a.expandable === true)
        .map((n): [string, number] => [n, Number(p.graph.getNodeAttribute(n, "members"))])
        .sort((a, b) => b[1] - a[1])[0]!;
      const at = p.renderer.framedGraphToViewport(p.renderer.getNodeDisplayData(meta));
      const box = p.renderer.getContainer().getBoundingClientRect();
      return { meta, members, x: box.left + at.x, y: box.top + at.y };
    });
    const before = await order(page);
    let started = performance.now();
    await page.mouse.click(biggest.x, biggest.y);
    await page.waitForFunction(
      (n) =>
        (window as unknown as { parley: { graph: { order: number } } }).parley.graph.order > n &&
        document.body.dataset.ready === "true",
      before,
      { timeout: 120_000 },
    );
    const opened = await stats(page);
    record(
      "open the biggest community",
      performance.now() - started,
      "ms",
      `${biggest.members.toLocaleString("en-US")} members, ${(await order(page)) - before} opened; ${describe(opened)}`,
    );

    // Expanding the most connected actor it opened, from its details panel.
    const hub = await page.evaluate(() => {
      const g = (
        window as unknown as {
          parley: {
            graph: {
              filterNodes(f: (n: string, a: Record<string, unknown>) => boolean): string[];
              getNodeAttribute(n: string, a: string): unknown;
            };
          };
        }
      ).parley.graph;
      return g
        .filterNodes((_n, a) => a.category !== "community")
        .map((n): [string, number] => [n, Number(g.getNodeAttribute(n, "degree") ?? 0)])
        .sort((a, b) => b[1] - a[1])[0]![0];
    });
    await page.evaluate(
      (id) => (window as unknown as { parley: { store: { selectNode(n: string): void } } }).parley.store.selectNode(id),
      hub,
    );
    await page.getByRole("button", { name: "Expand neighbours" }).waitFor({ timeout: 60_000 });
    const grown = await order(page);
    started = performance.now();
    await page.getByRole("button", { name: "Expand neighbours" }).click();
    await page.waitForFunction(
      (n) =>
        (window as unknown as { parley: { graph: { order: number } } }).parley.graph.order > n &&
        document.body.dataset.ready === "true",
      grown,
      { timeout: 120_000 },
    );
    record(
      "expand a hub",
      performance.now() - started,
      "ms",
      `${hub}: ${(await order(page)) - grown} neighbours added; ${describe(await stats(page))}`,
    );
  } finally {
    await browser.close();
  }
}
