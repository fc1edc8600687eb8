/**
 * Journey: a reader who uses a keyboard and a screen reader explores the network without a mouse; axe-core finds
 * no serious or critical barrier on the explorer, a snapshot, the review queue and the console, in either theme.
 */
import { writeFileSync } from "node:fs";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

/** `window.parley` as this test reads it (typed locally: other specs declare their own shape). */
interface ParleyHandle {
  graph: {
    order: number;
    size: number;
    forEachEdge(node: string, cb: (edge: string, attributes: Record<string, unknown>) => void): void;
    neighbors(node: string): string[];
    getNodeAttribute(node: string, name: string): unknown;
  };
  store: { state: { selectedNode: string | null } };
  renderer: { getCamera(): { ratio: number } };
}
type ParleyWindow = Window & { parley: ParleyHandle };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page (every rule, or only `rules`) and returns its serious and critical violations, one line
 * per element.
 */
async function seriousViolations(page: Page, rules: string[] | null = null, within = "html"): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy refuses inline script tags.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ({ only, selector }) => {
      type Run = (context: Element, options: object) => Promise<{ violations: AxeViolation[] }>;
      const run = (window as unknown as { axe: { run: Run } }).axe.run;
      const options = only ? { runOnly: { type: "rule", values: only } } : {};
      return (await run(document.querySelector(selector)!, options)).violations;
    },
    { only: rules, selector: within },
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary ?? v.help}`));
}

describe("e2e #accessibility", () => {
  let url: string;
  let browser: Browser;
  let snapshotId = "";
  let explorer: Explorer;
  let explorerPage: Page;
  const errors: string[] = [];

  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  const openPage = async (path: string, colorScheme: "light" | "dark"): Promise<Page> => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      colorScheme,
      reducedMotion: "reduce",
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}${path}`);
    return page;
  };

  beforeAll(async () => {
    explorer = await startExplorer();
    ({ url, browser } = explorer);
    // A snapshot of the network as the server sends it, placed on a circle (snapshots keep their positions).
    const graph = (await (await fetch(`${url}/api/graph?view=met`)).json()) as {
      nodes: { attributes: Record<string, unknown> }[];
    };
    graph.nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / graph.nodes.length;
      Object.assign(node.attributes, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
    });
    const created = await fetch(`${url}/api/snapshots`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Keyboard check", graph }),
    });
    expect(created.status).toBe(201);
    snapshotId = ((await created.json()) as { id: string }).id;
    // One explorer page for both tests: loading it is the slow part.
    explorerPage = await openPage("/", "light");
    await ready(explorerPage);
  });
  afterAll(async () => explorer?.close());

  it("should let a keyboard walk from a searched actor to a neighbour and its evidence, saying where it is", async () => {
    const page = explorerPage;
    const announcer = page.locator("[data-testid=graph-announcer]");
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.id || el?.dataset.testid || el?.tagName || "";
      });
    /** Presses Tab until `target` has focus (at most `limit` times); returns how many presses it took. */
    const tabTo = async (target: string, limit = 80) => {
      for (let presses = 1; presses <= limit; presses++) {
        await page.keyboard.press("Tab");
        if ((await focused()) === target) return presses;
      }
      throw new Error(`Tab never reached ${target}`);
    };

    expect(await tabTo("search-input")).toBe(1);
    await page.keyboard.type("Nechirvan");
    await page.waitForSelector("[data-testid=search-hit]");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=details] h2")?.textContent);
    // What the graph on screen says about him, read here independently of the announcement code.
    const facts = await page.evaluate(() => {
      const { graph, store } = (window as unknown as ParleyWindow).parley;
      const node = store.state.selectedNode!;
      const meetings = new Set<string>();
      graph.forEachEdge(node, (_e, a) => {
        if (a.kind === "met") for (const id of a.events as string[]) meetings.add(id);
      });
      const names = graph
        .neighbors(node)
        .map((n) => String(graph.getNodeAttribute(n, "label")))
        .sort((a, b) => a.localeCompare(b));
      return { node, meetings: meetings.size, names };
    });
    expect(facts.node).toBe("nechirvan-barzani");
    expect(facts.meetings).toBeGreaterThan(1);
    expect(facts.names.length).toBeGreaterThan(2);
    await expect(announcer.textContent()).resolves.toBe(`Nechirvan Barzani, person, ${facts.meetings} meetings`);

    await tabTo("graph");
    await expect(announcer.textContent()).resolves.toBe(
      `Nechirvan Barzani, person, ${facts.meetings} meetings, selected. Arrow keys walk its ${facts.names.length} neighbours.`,
    );
    writeFileSync(screenshotPath("a11y-graph-focus"), await page.screenshot());
    const total = facts.names.length;
    await page.keyboard.press("ArrowRight");
    await expect(announcer.textContent()).resolves.toBe(`neighbour 1 of ${total}: ${facts.names[0]}`);
    await page.keyboard.press("ArrowRight");
    await expect(announcer.textContent()).resolves.toBe(`neighbour 2 of ${total}: ${facts.names[1]}`);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(announcer.textContent()).resolves.toBe(`neighbour ${total} of ${total}: ${facts.names[total - 1]}`);
    await page.keyboard.press("ArrowRight");
    await expect(announcer.textContent()).resolves.toBe(`neighbour 1 of ${total}: ${facts.names[0]}`);

    // + zooms in at once (reduced motion: no camera animation).
    const ratio = () => page.evaluate(() => (window as unknown as ParleyWindow).parley.renderer.getCamera().ratio);
    const before = await ratio();
    await page.keyboard.press("+");
    expect(await ratio()).toBeLessThan(before);

    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (name) => document.querySelector("[data-testid=details] h2")?.textContent === name,
      facts.names[0],
    );
    const said = (await announcer.textContent()) ?? "";
    expect(said.slice(0, facts.names[0]!.length)).toBe(facts.names[0]);
    expect(said.slice(facts.names[0]!.length)).toMatch(/^, [a-z /]+, \d+ (meetings?|links?)$/);
    await page.keyboard.press("Enter");
    expect(await focused()).toBe("details");
    await tabTo("show-quote");
    await page.keyboard.press("Enter");
    await expect(page.locator("[data-testid=show-quote]").first().getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(page.locator("[data-testid=quote]").first().isVisible()).resolves.toBe(true);
    writeFileSync(screenshotPath("a11y-passage-open"), await page.screenshot());

    // The Export menu: arrows move through its items, Escape closes it and gives focus back to its button.
    await page.focus("[data-testid=export-button]");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("export-gexf");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("export-graphml");
    // Up from the first item wraps round to the last, the dossier.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe("export-dossier");
    writeFileSync(screenshotPath("a11y-export-menu"), await page.screenshot());
    await page.keyboard.press("Escape");
    expect(await focused()).toBe("export-button");
    await expect(page.locator("[data-testid=export-menu]").getAttribute("open")).resolves.toBeNull();
  });

  it("should show what the graph shows as sortable tables, with the same filters, from the keyboard", async () => {
    const page = explorerPage;
    const cells = (table: string, column: number) =>
      page.locator(`[data-testid=table-${table}] tbody tr td:nth-child(${column})`).allTextContents();
    const shown = () =>
      page.evaluate(() => {
        const { graph } = (window as unknown as ParleyWindow).parley;
        return { nodes: graph.order, links: graph.size };
      });
    await page.focus("[data-testid=table-toggle]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=table-actors]");
    const all = await shown();
    expect((await cells("actors", 1)).length).toBe(all.nodes);
    expect((await cells("links", 1)).length).toBe(all.links);
    // Most links first by default; then by name, A to Z, from the keyboard.
    const links = (await cells("actors", 4)).map(Number);
    expect(links).toEqual([...links].sort((a, b) => b - a));
    await page.focus("[data-testid=table-sort-actors-name]");
    await page.keyboard.press("Enter");
    const names = await cells("actors", 1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await expect(
      page
        .locator("[data-testid=table-actors] th", { has: page.locator("[data-testid=table-sort-actors-name]") })
        .getAttribute("aria-sort"),
    ).resolves.toBe("ascending");
    writeFileSync(screenshotPath("a11y-table-view"), await page.screenshot());

    // A name in the table selects the actor, as a click on the canvas would.
    await page.locator("[data-testid=table-actors] tbody button").first().press("Enter");
    await page.waitForFunction(
      (name) => document.querySelector("[data-testid=details] h2")?.textContent === name,
      names[0],
    );

    // The Kind filter narrows the table as it narrows the graph.
    await page.locator("[data-testid=filter-kinds-person]").check();
    const reloaded = (compare: "fewer" | "all") =>
      page.waitForFunction(
        ({ n, compare }) => {
          const { order } = (window as unknown as ParleyWindow).parley.graph;
          return document.body.dataset.ready === "true" && (compare === "fewer" ? order < n : order === n);
        },
        { n: all.nodes, compare },
        { timeout: 30_000 },
      );
    await reloaded("fewer");
    const people = await shown();
    expect(people.nodes).toBeLessThan(all.nodes);
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=table-actors] tbody tr").length === n,
      people.nodes,
    );
    expect(new Set(await cells("actors", 2))).toEqual(new Set(["person"]));
    await page.locator("[data-testid=filter-kinds-person]").uncheck();
    await reloaded("all");
    await page.keyboard.press("Escape");
    await page.click("[data-testid=table-toggle]");
    await expect(page.locator("[data-testid=table-view]").isHidden()).resolves.toBe(true);
  });

  it("should have no serious or critical axe violations in the light and dark themes", async () => {
    const found: string[] = [];
    /** Axe on the page as it is, in the light theme, then in the dark one (contrast is all a theme changes). */
    const check = async (page: Page, name: string, within = "html") => {
      for (const theme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: theme });
        // Two frames, so the page has restyled for the new scheme before axe reads its colours.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const rules = theme === "light" ? null : ["color-contrast"];
        found.push(...(await seriousViolations(page, rules, within)).map((v) => `${name} (${theme}): ${v}`));
      }
    };
    // The explorer as the keyboard walk left it when it ran first (a node selected, its evidence open), else fresh.
    await check(explorerPage, "explorer");
    await explorerPage.click("[data-testid=table-toggle]");
    await explorerPage.waitForSelector("[data-testid=table-actors]");
    await check(explorerPage, "table view", "[data-testid=table-view]");
    await explorerPage.click("[data-testid=table-toggle]");
    await explorerPage.click("[data-testid=console-toggle]");
    await explorerPage.waitForSelector("[data-testid=console-drawer] .cm-content");
    // With a result, so the table, the history and an enabled "Download CSV" are checked too.
    await explorerPage.click("[data-testid=console-run]");
    await explorerPage.waitForSelector("[data-testid=console-table] tbody tr");
    await explorerPage.waitForSelector("[data-testid=console-run]:not([disabled])");
    await check(explorerPage, "console", "[data-testid=console-drawer]");
    writeFileSync(screenshotPath("a11y-console-dark"), await explorerPage.screenshot());

    const snapshot = await openPage(`/s/${snapshotId}`, "light");
    await ready(snapshot);
    await check(snapshot, "snapshot");
    await snapshot.close();

    const review = await openPage("/review", "light");
    await review.waitForSelector("[data-testid=review] > *");
    await check(review, "review");
    await review.close();
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});
