/**
 * Journey: a reader plays a story of three steps forward and back (buttons and arrow keys), reloads on step 2 and
 * stays there, reads the cited quotes with their source links, watches the story embedded in another site's
 * iframe, and axe-core finds no serious or critical barrier on the player in either theme.
 */
import { readFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../server/config.js";
import type { Database } from "../../server/db/database.js";
import { ensureClientBuilt, launchBrowser, listen, screenshotPath } from "../helpers/browser.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";
import { loadImportFile } from "../helpers/load.js";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page, one line per element (as tests/e2e/accessibility). */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy refuses inline script tags.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    type Run = (context: Element, options: object) => Promise<{ violations: AxeViolation[] }>;
    return (await (window as unknown as { axe: { run: Run } }).axe.run(document.documentElement, {})).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary ?? v.help}`));
}

/** Two invented ministers and one invented article, given a link so citations have a source to open. */
const SMALL_FIXTURE = path.join(ROOT_DIR, "tests", "fixtures", "ingest", "small.json");
const ARTICLE_URL = "https://news.example.org/invented-fixture-article";

describe("e2e #story", () => {
  let db: Database;
  let server: Server;
  let framingSite: Server;
  let browser: Browser;
  let url: string;
  let storyId: string;
  let evidenceId: string;
  const errors: string[] = [];

  const openPage = async (pathname: string, colorScheme: "light" | "dark" = "light"): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, colorScheme });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}${pathname}`);
    return page;
  };
  /** Waits until the player shows step `n` with its graph drawn. */
  const atStep = (page: Page, n: number) =>
    page.waitForFunction(
      (step) => document.body.dataset.ready === "true" && document.body.dataset.storyStep === String(step),
      n,
      { timeout: 60_000 },
    );

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    const fixture = JSON.parse(readFileSync(SMALL_FIXTURE, "utf8")) as { articles: Record<string, unknown>[] };
    fixture.articles[0]!.url = ARTICLE_URL;
    await loadImportFile(db, fixture);
    await ensureClientBuilt();
    ({ url, server } = await listen(createTestApp(db).app));
    browser = await launchBrowser();

    const [id] = await db.read(
      "MATCH (e:Evidence)-[:IN_ARTICLE]->(:Article) RETURN e.id AS id ORDER BY id LIMIT 1",
      {},
      (r) => String(r.get("id")),
    );
    evidenceId = id!;
    // Three snapshots of the same network, laid out differently, so the steps visibly move the graph.
    const graph = (await (await fetch(`${url}/api/graph?view=met`)).json()) as {
      nodes: { key: string; attributes: Record<string, unknown> }[];
      edges: unknown[];
    };
    const snapshots: string[] = [];
    for (const [i, radius] of [40, 90, 140].entries()) {
      const nodes = graph.nodes.map((node, j) => {
        const angle = (2 * Math.PI * j) / graph.nodes.length + i;
        return {
          ...node,
          attributes: { ...node.attributes, x: Math.cos(angle) * radius, y: Math.sin(angle) * radius },
        };
      });
      const res = await fetch(`${url}/api/snapshots`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title: `Layout ${i + 1}`, graph: { nodes, edges: graph.edges } }),
      });
      snapshots.push(((await res.json()) as { id: string }).id);
    }
    const created = await fetch(`${url}/api/stories`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "A meeting in three acts",
        steps: [
          {
            snapshot: snapshots[0],
            title: "The hosts",
            caption: "Who hosted whom <b>first</b>.",
            citations: [evidenceId],
          },
          { snapshot: snapshots[1], title: "The talks", caption: "They talked about water." },
          {
            snapshot: snapshots[2],
            title: "The memorandum",
            caption: "A signature closes it.",
            citations: [evidenceId],
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    storyId = ((await created.json()) as { id: string }).id;

    // Another site (another origin) that frames the story's embed.
    framingSite = createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><title>A newsroom</title><h1>Our story</h1>` +
          `<iframe id="player" title="Story" width="900" height="600" src="${url}/stories/${storyId}?embed=1"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framingSite.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    framingSite?.close();
    await db?.close();
  });

  it("should play forward and back with buttons and arrow keys, and stay on step 2 after a reload", async () => {
    const page = await openPage(`/stories/${storyId}`);
    await atStep(page, 1);
    const counter = page.locator("[data-testid=story-counter]");
    expect(await counter.textContent()).toBe("Step 1 of 3");
    expect(await page.locator("[data-testid=story-step-title]").textContent()).toBe("The hosts");
    // The caption is text: its markup is shown, not obeyed.
    expect(await page.locator("[data-testid=story-caption]").textContent()).toBe("Who hosted whom <b>first</b>.");
    expect(await page.locator("[data-testid=story-caption] b").count()).toBe(0);
    const citation = page.locator("[data-testid=story-citation]");
    expect(await citation.count()).toBe(1);
    expect((await citation.locator("blockquote").textContent())?.length).toBeGreaterThan(2);
    expect(await citation.locator("a").getAttribute("href")).toBe(ARTICLE_URL);
    expect(await citation.textContent()).toContain("4 May 2020");
    expect(await page.locator("[data-testid=story-back]").isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath("story-step-1") });

    await page.click("[data-testid=story-next]");
    await atStep(page, 2);
    expect(await counter.textContent()).toBe("Step 2 of 3");
    expect(new URL(page.url()).searchParams.get("step")).toBe("2");
    expect(await citation.count()).toBe(0);

    await page.reload();
    await atStep(page, 2);
    expect(await counter.textContent()).toBe("Step 2 of 3");
    expect(await page.locator("[data-testid=story-step-title]").textContent()).toBe("The talks");

    await page.keyboard.press("ArrowRight");
    await atStep(page, 3);
    expect(await counter.textContent()).toBe("Step 3 of 3");
    expect(await page.locator("[data-testid=story-next]").isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath("story-step-3") });
    await page.keyboard.press("ArrowLeft");
    await atStep(page, 2);
    await page.click("[data-testid=story-back]");
    await atStep(page, 1);
    expect(new URL(page.url()).searchParams.get("step")).toBe("1");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should play inside another site's iframe", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const site = `http://127.0.0.1:${(framingSite.address() as AddressInfo).port}/`;
    await page.goto(site);
    const frame = page.frameLocator("#player");
    await frame.locator("[data-testid=story-counter]").waitFor({ timeout: 60_000 });
    expect(await frame.locator("[data-testid=story-counter]").textContent()).toBe("Step 1 of 3");
    await frame.locator("[data-testid=story-next]").click();
    await expect.poll(() => frame.locator("[data-testid=story-counter]").textContent()).toBe("Step 2 of 3");
    // The bare player: no explorer top bar inside the frame.
    expect(await frame.locator(".topbar").isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath("story-embed") });
    await page.close();
  });

  it("should build a story from the snapshots page with the keyboard-usable form, citing a quote, and play it", async () => {
    const page = await openPage("/snapshots");
    await page.click("[data-testid=new-story]");
    await page.fill("[data-testid=story-title-input]", "Written in the browser");
    await page.fill("[data-testid=story-step-title-input]", "Only step");
    await page.fill("[data-testid=story-step-caption]", "As the article says");
    const picker = page.locator("[data-testid=story-step-cite]");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=story-step-cite] option").length > 1);
    const evidence = await picker.locator("option").nth(1).getAttribute("value");
    await picker.selectOption(evidence!);
    expect(await page.locator("[data-testid=story-step-caption]").inputValue()).toBe("As the article says [1]");
    await page.click("[data-testid=story-save]");
    await page.waitForURL(/\/stories\/[0-9a-f]{20}$/);
    await atStep(page, 1);
    expect(await page.locator("[data-testid=story-step-title]").textContent()).toBe("Only step");
    expect(await page.locator("[data-testid=story-citation] a").getAttribute("href")).toBe(ARTICLE_URL);
    await page.close();
  });

  it("should have no serious or critical accessibility violations in either theme", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await openPage(`/stories/${storyId}`, scheme);
      await atStep(page, 1);
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (scheme === "dark") await page.screenshot({ path: screenshotPath("story-dark") });
      await page.close();
    }
  });
});
