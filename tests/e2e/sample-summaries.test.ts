/**
 * Journey: a fresh clone opens the sample
 * =======================================
 *
 * A new user's checkout has no article texts (the sample's four articles are third-party and not shipped;
 * PARLEY_ARTICLES_DIR points at an empty folder, as data/articles/ is on a fresh clone). Opening Nechirvan
 * Barzani's details still shows something useful for each citation: the sample's own summary of the passage,
 * marked as a summary, and a line naming the source and where to put its text, never "cannot be shown" alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CitationDto, NodeDetailsDto } from "../../contracts/api.js";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../helpers/load.js";
import { ensureClientBuilt, launchBrowser, listen, screenshotPath } from "../helpers/browser.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

describe("e2e #sample without article texts", () => {
  const emptyArticles = mkdtempSync(path.join(tmpdir(), "parley-no-articles-"));
  let db: Database;
  let server: Server;
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    const { app, config } = createTestApp(db, { PARLEY_ARTICLES_DIR: emptyArticles });
    // The sample loaded exactly as the server's first start does: from the configured (here empty) folder.
    await loadImportFile(db, seedDataset(), { articlesDir: config.articlesDir });
    await ensureClientBuilt();
    ({ url, server } = await listen(app));
    // A cold database on a busy machine can answer the first reads with 503 (the read timeout): warm them up,
    // as a user retrying would, before timing anything in the browser.
    for (const route of ["/api/graph", "/api/nodes/nechirvan-barzani"])
      for (let attempt = 0; attempt < 6 && (await fetch(`${url}${route}`)).status === 503; attempt++);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await db?.close();
    rmSync(emptyArticles, { recursive: true, force: true });
  });

  const open = async (query: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/${query}`);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById("details")?.dataset.state === "ready", null, {
      timeout: 30_000,
    });
    return page;
  };

  it("should serve each citation's summary and its article's source with the node's details", async () => {
    const res = await fetch(`${url}/api/nodes/nechirvan-barzani`);
    expect(res.status, await res.clone().text()).toBe(200);
    const node = (await res.json()) as NodeDetailsDto;
    const citations: CitationDto[] = [...node.evidence, ...node.events.flatMap((e) => e.evidence)];
    expect(citations.length).toBeGreaterThan(3);
    for (const c of citations) {
      expect(c.quote).toBeNull();
      expect(c.note?.length ?? 0, c.evidenceId).toBeGreaterThan(30);
      expect(c.article.textStored).toBe(false);
      expect(c.article.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(c.article.publisher).toBeTruthy();
    }
    const reuters = citations.find((c) => c.article.id === "seed-002-reuters-2018-01-21");
    expect(reuters?.article).toMatchObject({ publisher: "Reuters", published: "2018-01-21" });
  });

  it("should show a sample actor's summaries and where the full text is", async () => {
    const page = await open("?node=nechirvan-barzani");
    await expect(page.locator("#details h2").textContent()).resolves.toBe("Nechirvan Barzani");
    // His January 2018 meeting with Rouhani in Tehran, cited from the Reuters report.
    const meeting = page.locator("[data-testid=event]", { has: page.locator("[data-node=hassan-rouhani]") }).first();
    const toggle = meeting.locator("[data-testid=show-quote]").first();
    await expect(toggle.textContent()).resolves.toBe("Show summary");
    await toggle.click();
    const shown = meeting.locator("[data-testid=quote]:visible").first();
    const summary = (await shown.locator("[data-testid=citation-summary]").textContent()) ?? "";
    expect(summary).toMatch(/^Summary, not a quote: /);
    expect(summary).toMatch(/Rouhani/);
    const source = (await shown.locator("[data-testid=source-note]").textContent()) ?? "";
    expect(source).toContain("Full text not stored in this database — source: Reuters, 21 Jan 2018, “");
    expect(source).toContain("data/articles/002_d0919b62974b34f6.txt to show the passage.");
    expect(await page.locator("#details").textContent()).not.toContain("cannot be shown");
    // A passage that backs a node several times over is summarised once per list.
    const summaries = await meeting.locator("[data-testid=citation-summary]").allTextContents();
    expect(new Set(summaries).size).toBe(summaries.length);
    await shown.scrollIntoViewIfNeeded();
    writeFileSync(screenshotPath("sample-summary"), await page.locator("#details").screenshot());
    await page.close();
    expect(errors).toEqual([]);
  });
});
