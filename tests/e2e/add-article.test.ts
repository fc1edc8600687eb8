/**
 * Journey: an analyst pastes a news article into the explorer, checks what Parley extracted, drops a wrong item,
 * saves, and sees the new actors highlighted in the graph; without admin rights the dialog explains why. An article
 * fetched from its URL and a second outlet's report of the same meeting become one event whose panel lists both.
 * The article is synthetic: two invented officials of invented countries meeting in a real capital.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { listen, screenshotPath } from "../helpers/browser.js";
import { createTestApp } from "../helpers/db.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";
import { inventedStory, startNewsSite, storyPage } from "../helpers/news-site.js";

const ARTICLE = [
  "date: 2024-03-05",
  "source: Parley Test Wire",
  "",
  "VIENNA - The Foreign Minister of Veloria, Talia Morcant, met the Foreign Minister of Ostrelia, Jonas Pellarin, in Vienna on Monday to discuss water sharing and trade.",
  "",
  "Morcant told reporters that the talks were constructive. Pellarin said Ostrelia would send a delegation to Veloria next month.",
  "",
].join("\n");

/** Another (invented) outlet's report of the meeting in the URL journey's page, in other words and a day off. */
const SAME_MEETING = [
  "date: 2025-01-24",
  "source: Morvane Daily Record",
  "",
  "Asselin and Lindqvar hold talks",
  "",
  "Foreign Minister Teodor Asselin of Morvane held talks with Foreign Minister Hanna Lindqvar of Quessary on 22 January 2025, a spokesman said.",
  "",
].join("\n");

type Parley = {
  graph: { hasNode(n: string): boolean };
  store: { state: { highlight?: Set<string> | null } };
};
/** Runs in the page: the explorer handle, typed locally (other e2e files declare `Window.parley` their own way). */
type ParleyWindow = { parley: Parley };

describe("e2e #add-article", () => {
  let db: Database;
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  const open = async (base: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await ready(page);
    return page;
  };
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`add-article-${name}`), await page.screenshot());

  /** Opens the dialog, pastes the article and extracts it. */
  const extract = async (page: Page) => {
    await page.click("[data-testid=add-article]");
    await page.fill("[data-testid=article-text]", ARTICLE);
    await page.click("[data-testid=extract]");
    await page.waitForSelector("[data-testid=add-article-dialog][data-state=review]");
  };

  let explorer: Explorer;
  beforeAll(async () => {
    // The dialog's URL journey fetches from the test's own site on 127.0.0.1.
    explorer = await startExplorer({ env: { PARLEY_FETCH_ALLOW_PRIVATE: "1" } });
    ({ db, url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should extract the article, let a wrong item be dropped, save, and highlight the new nodes", async () => {
    const page = await open(url);
    await extract(page);
    const item = (key: string) => page.locator(`[data-testid=extracted-item][data-key="${key}"]`);
    await expect(item("talia-morcant").count()).resolves.toBe(1);
    await expect(item("jonas-pellarin").count()).resolves.toBe(1);
    // The meeting lists both participants, its resolved date and the sentence it was read from.
    const meeting = page.locator("[data-testid=extracted-item][data-group=meetings]").first();
    await expect(meeting.textContent()).resolves.toContain("Talia Morcant, Jonas Pellarin");
    await expect(meeting.textContent()).resolves.toContain("2024-03-04");
    await expect(meeting.locator("[data-testid=item-quote]").textContent()).resolves.toContain(
      "met the Foreign Minister of Ostrelia",
    );
    await shoot(page, "extracted");

    // Drop one item the extractor should not have kept: a one-sided "other event" if there is one, else the place.
    const others = page.locator("[data-testid=extracted-item][data-group=other-events]");
    const wrong =
      (await others.count()) > 0
        ? others.first()
        : page.locator("[data-testid=extracted-item][data-group=places]").first();
    const droppedKey = (await wrong.getAttribute("data-key"))!;
    await wrong.locator("[data-testid=drop-toggle]").uncheck();
    await expect(wrong.getAttribute("data-kept")).resolves.toBe("false");
    await expect(page.locator("[data-testid=extract-summary]").textContent()).resolves.toContain("1 dropped");

    const request = page.waitForRequest((r) => r.url().endsWith("/api/articles") && r.method() === "POST");
    await page.click("[data-testid=save-article]");
    const sent = (await request).postDataJSON() as {
      document: { nodes: { id: string; type: string; participants?: { actor: string }[] }[] };
    };
    const ids = sent.document.nodes.map((n) => n.id);
    expect(ids).not.toContain(droppedKey);
    expect(ids).toEqual(expect.arrayContaining(["talia-morcant", "jonas-pellarin"]));

    await page.waitForSelector("[data-testid=add-article-status]");
    await ready(page);
    await expect(page.locator("[data-testid=add-article-status]").textContent()).resolves.toMatch(
      /^Added \d+ actors?, 1 meeting/,
    );
    const highlighted = await page.evaluate(() => [
      ...((window as unknown as ParleyWindow).parley.store.state.highlight ?? []),
    ]);
    expect(highlighted).toEqual(expect.arrayContaining(["talia-morcant", "jonas-pellarin"]));
    expect(await page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.hasNode("talia-morcant"))).toBe(
      true,
    );
    await page.waitForSelector(".pulse-ring[data-node=talia-morcant]:not([hidden])");
    await page.waitForSelector("dialog[data-testid=add-article-dialog]:not([open])", { state: "attached" });
    await shoot(page, "highlighted");

    await page.click("[data-testid=clear-highlight]");
    expect(
      await page.evaluate(() => (window as unknown as ParleyWindow).parley.store.state.highlight ?? null),
    ).toBeNull();
    expect(await page.locator(".pulse-ring").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should refuse a 6 MB paste at once, before it reaches the page, with one clear message", async () => {
    const page = await open(url);
    await page.click("[data-testid=add-article]");
    let posted = 0;
    page.on("request", (r) => {
      if (r.url().includes("/api/articles")) posted++;
    });
    // A real paste carries the clipboard's text in the event; the dialog decides before the browser inserts it.
    const inserted = await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>("[data-testid=article-text]")!;
      const data = new DataTransfer();
      data.setData("text/plain", "The envoys met again. ".repeat(300_000));
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      area.dispatchEvent(event);
      return { refused: event.defaultPrevented, length: area.value.length };
    });
    expect(inserted).toEqual({ refused: true, length: 0 });
    const message =
      (await page.locator("[data-testid=add-article-dialog] [data-testid=write-error]").textContent()) ?? "";
    expect(message).toMatch(/6(\.6)? MB; an article is at most 2 MB/);
    expect(message.match(/2 MB/g)).toHaveLength(1);
    expect(message).not.toMatch(/articles\.|text:|\[0\]/);
    expect(posted).toBe(0);
    await shoot(page, "oversize-paste");
    await page.close();
  });

  it("should not save an article in which nothing was found unless the user confirms", async () => {
    const page = await open(url);
    await page.click("[data-testid=add-article]");
    // A megabyte of one letter: text, but nothing a reader could cite.
    await page.fill("[data-testid=article-text]", "a".repeat(1_000_000));
    await page.click("[data-testid=extract]");
    await page.waitForSelector("[data-testid=add-article-dialog][data-state=review]");
    const summary = page.locator("[data-testid=extract-summary]");
    await expect(summary.textContent()).resolves.toContain("Nothing was found");
    const save = page.locator("[data-testid=save-article]");
    await expect(save.isDisabled()).resolves.toBe(true);
    await shoot(page, "nothing-found");

    let posted = 0;
    page.on("request", (r) => {
      if (r.url().endsWith("/api/articles") && r.method() === "POST") posted++;
    });
    await save.click({ force: true });
    await expect(page.locator("[data-testid=add-article-dialog]").getAttribute("data-state")).resolves.toBe("review");
    expect(posted).toBe(0);

    // Confirming enables Save, and the text alone is stored.
    await page.check("[data-testid=confirm-empty-save]");
    await expect(save.isDisabled()).resolves.toBe(false);
    const request = page.waitForRequest((r) => r.url().endsWith("/api/articles") && r.method() === "POST");
    await save.click();
    await request;
    await page.waitForSelector("[data-testid=add-article-status]");
    await expect(page.locator("[data-testid=add-article-status]").textContent()).resolves.toMatch(
      /^Added 0 actors, 0 meetings/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should fetch an article page from its URL, show what was found in it and save it with its link", async () => {
    const site = await startNewsSite();
    try {
      // An invented report in a real-looking page: navigation, share buttons, a cookie banner, related stories.
      const story = inventedStory(6);
      site.page("/world/ottawa-talks", storyPage(story, { canonical: "/world/ottawa-talks" }));
      const pageUrl = `${site.base}/world/ottawa-talks`;
      const page = await open(url);
      await page.click("[data-testid=add-article]");
      await page.fill("[data-testid=article-url]", pageUrl);
      await page.click("[data-testid=extract]");
      await page.waitForSelector("[data-testid=add-article-dialog][data-state=review]");
      const item = (key: string) => page.locator(`[data-testid=extracted-item][data-key="${key}"]`);
      await expect(item("hanna-lindqvar").count()).resolves.toBe(1);
      await expect(item("teodor-asselin").count()).resolves.toBe(1);
      const meeting = page.locator("[data-testid=extracted-item][data-group=meetings]").first();
      await expect(meeting.textContent()).resolves.toContain("Hanna Lindqvar, Teodor Asselin");
      await expect(meeting.locator("[data-testid=item-quote]").textContent()).resolves.toContain(
        "met the Foreign Minister of Morvane",
      );
      await shoot(page, "from-url");

      await page.click("[data-testid=save-article]");
      await page.waitForSelector("[data-testid=add-article-status]");
      await expect(page.locator("[data-testid=add-article-status]").textContent()).resolves.toMatch(
        /^Added .*1 meeting/,
      );
      expect(
        await page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.hasNode("hanna-lindqvar")),
      ).toBe(true);
      const stored = await db.read(
        "MATCH (a:Article {url: $url}) RETURN a.publisher AS publisher, a.title AS title",
        { url: pageUrl },
        (r) => ({ publisher: String(r.get("publisher")), title: String(r.get("title")) }),
      );
      expect(stored).toEqual([{ publisher: story.publisher, title: story.headline }]);
      expect(site.requests.find((r) => r.path === "/world/ottawa-talks")?.userAgent).toMatch(/^Parley\//);

      // A second outlet reports the same meeting in other words, a day off: one event, two reports, a disagreement.
      const second = await fetch(`${url}/api/articles`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ articles: [{ file: "morvane-record.txt", text: SAME_MEETING }] }),
      });
      expect(second.status).toBe(200);
      const [meetingId] = await db.read(
        "MATCH (e:Event)-[:REPORTED_BY]->(:Article {url: $url}) RETURN e.id AS id",
        { url: pageUrl },
        (r) => String(r.get("id")),
      );
      // Selected in place (no reload): the event panel fetches the event as the server now holds it.
      await page.evaluate(
        (id) =>
          (window as unknown as { parley: { store: { selectNode(id: string): void } } }).parley.store.selectNode(id),
        meetingId,
      );
      await page.waitForFunction(
        (node) =>
          document.getElementById("details")?.dataset.state === "ready" &&
          document.getElementById("details")?.dataset.node === node,
        meetingId,
      );
      await expect(page.getByTestId("reports-count").textContent()).resolves.toBe("Reported by 2 articles");
      const reports = page.getByTestId("report");
      await expect(reports.count()).resolves.toBe(2);
      await expect(reports.nth(0).locator(`a[href="${pageUrl}"]`).textContent()).resolves.toBe(story.headline);
      await expect(reports.nth(0).getByTestId("report-quote").first().textContent()).resolves.toContain(
        "met the Foreign Minister of Morvane",
      );
      await expect(reports.nth(1).textContent()).resolves.toContain("Morvane Daily Record");
      await expect(reports.nth(1).getByTestId("report-quote").first().textContent()).resolves.toContain(
        "held talks with Foreign Minister Hanna Lindqvar",
      );
      await expect(reports.nth(1).locator(".report-how").textContent()).resolves.toMatch(
        /Joined this event when loaded.*the same 2 participants/,
      );
      await expect(page.getByTestId("disagreements").textContent()).resolves.toMatch(
        /disagree on the date: .*says 23 January 2025; .*says 22 January 2025/,
      );
      await shoot(page, "event-reports");

      // A curator who thinks the second outlet meant another day splits its report off, with a reason.
      await page.click("[data-testid=curate-split-report]");
      const secondArticle = await reports.nth(1).getAttribute("data-article");
      await page.selectOption("[data-testid=split-report-article]", secondArticle!);
      await page.fill("[data-testid=split-report-dialog] [data-testid=curate-reason]", "Another day, another meeting");
      await page.click("[data-testid=split-report-dialog] [data-testid=curate-submit]");
      await page.waitForFunction(
        () => document.querySelector("[data-testid=reports-count]")?.textContent === "Reported by 1 article",
      );
      await expect(page.getByTestId("disagreements").count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  });

  it("should explain a refused save and retry with the admin token", async () => {
    const guarded = await listen(createTestApp(db, { PARLEY_ADMIN_TOKEN: "e2e:test-token-123" }).app);
    try {
      // A loopback client is refused once a token is configured, so the dialog must explain and ask for it.
      const page = await open(guarded.url);
      await extract(page);
      await page.click("[data-testid=save-article]");
      const error = page.locator("[data-testid=add-article-dialog] [data-testid=write-error][data-status=admin]");
      await error.waitFor();
      await expect(error.textContent()).resolves.toContain("admin token");
      await shoot(page, "needs-admin");
      await page.fill("[data-testid=admin-token]", "test-token-123");
      await page.click("[data-testid=admin-token-save]");
      await page.waitForSelector("[data-testid=add-article-status]");
      await expect(page.locator("[data-testid=add-article-status]").textContent()).resolves.toMatch(/^Added/);
      await page.close();
    } finally {
      guarded.server.close();
    }
  });
});
