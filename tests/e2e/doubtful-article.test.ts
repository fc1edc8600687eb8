/**
 * Journey: an analyst pastes a story about two officials of another region (a Ghanaian and a Chilean minister),
 * sees the right people, meeting and roles, and a capitalised phrase the extractor doubts marked as doubtful; saves,
 * and finds the doubtful item waiting on /review instead of in the graph. A Spanish paragraph gets the language
 * message and writes nothing. Every text is written for the test; the officials are invented.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

const ARTICLE = [
  "date: 2026-03-04",
  "",
  "ACCRA (Test Wire) - Ghana's Foreign Minister Ama Owusu-Ansah met Chile's Foreign Minister Ignacio Valdés in Accra on Tuesday to discuss cocoa exports and copper trade.",
  "",
  "Owusu-Ansah told reporters the talks were frank and useful. Valdés said Chile would open a trade office in Accra next year.",
  "",
  "Later in the day, Oduya Kente Works joined the talks.",
  "",
].join("\n");

const SPANISH =
  "La ministra de Relaciones Exteriores de Chile recibió el lunes en Santiago a su homólogo de Ghana para " +
  "conversar sobre el comercio de cobre y de cacao. Ambos gobiernos acordaron crear una comisión mixta, estudiar " +
  "un vuelo directo entre las dos capitales y reunirse otra vez antes de fin de año, según un comunicado de la " +
  "cancillería publicado por la tarde.";

describe("e2e #doubtful-article", () => {
  let explorer: Explorer;
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}${path}`);
    // The first page of a run builds its caches on a cold server: give it time on a busy machine.
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 150_000 });
    return page;
  };
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`doubtful-article-${name}`), await page.screenshot());
  const paste = async (page: Page, text: string) => {
    await page.click("[data-testid=add-article]");
    await page.fill("[data-testid=article-text]", text);
    await page.click("[data-testid=extract]");
  };

  beforeAll(async () => {
    explorer = await startExplorer();
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it(
    "should show the officials, their meeting and roles, and the doubtful phrase marked as doubtful",
    {
      timeout: 300_000,
    },
    async () => {
      const page = await open("/");
      await paste(page, ARTICLE);
      await page.waitForSelector("[data-testid=add-article-dialog][data-state=review]");
      const item = (key: string) => page.locator(`[data-testid=extracted-item][data-key="${key}"]`);
      await expect(item("ama-owusu-ansah").count()).resolves.toBe(1);
      await expect(item("ignacio-valdes").count()).resolves.toBe(1);
      const meeting = page.locator("[data-testid=extracted-item][data-group=meetings]");
      await expect(meeting.count()).resolves.toBe(1);
      await expect(meeting.textContent()).resolves.toContain("Ama Owusu-Ansah, Ignacio Valdés");
      await expect(meeting.textContent()).resolves.toContain("2026-03-03");
      const roles = await page.locator("[data-testid=extracted-item][data-group=roles]").allTextContents();
      expect(roles.join(" | ")).toMatch(/Ama Owusu-Ansah: Ghana's Foreign Minister/);
      expect(roles.join(" | ")).toMatch(/Ignacio Valdés: Chile's Foreign Minister/);
      // The phrase is not among the people: it is listed apart, as doubtful, with its sentence.
      await expect(
        page.locator("[data-testid=extracted-item][data-group=people]").allTextContents(),
      ).resolves.not.toEqual(expect.arrayContaining([expect.stringContaining("Oduya Kente Works")]));
      const doubtful = page.locator("[data-testid=doubtful-item]");
      await expect(doubtful.count()).resolves.toBe(1);
      await expect(doubtful.textContent()).resolves.toContain("Oduya Kente Works");
      await expect(doubtful.textContent()).resolves.toContain("doubtful actor");
      await doubtful.scrollIntoViewIfNeeded();
      await shoot(page, "dialog");

      await page.click("[data-testid=save-article]");
      await page.waitForSelector("[data-testid=add-article-status]");
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("should list the doubtful item on /review, not in the graph", { timeout: 300_000 }, async () => {
    const page = await open("/review");
    const card = page.locator("[data-testid=suggestion][data-kind=low-confidence]", { hasText: "Oduya Kente Works" });
    await card.waitFor({ timeout: 120_000 });
    await expect(card.locator("[data-testid=review-passage] mark").textContent()).resolves.toBe("Oduya Kente Works");
    await shoot(page, "review");
    const res = await page.request.get(`${url}/api/nodes/oduya-kente-works`);
    expect(res.status()).toBe(404);
    await card.locator("[data-testid=review-reject]").click();
    await page.waitForSelector("[data-testid=suggestion][data-kind=low-confidence][data-status=rejected]");
    await expect(card.locator("[data-testid=review-outcome]").textContent()).resolves.toContain("rejected");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should refuse a Spanish paragraph with the language message", async () => {
    const page = await open("/");
    await paste(page, SPANISH);
    const error = page.locator("[data-testid=add-article-dialog] [data-testid=write-error]");
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("Parley reads English articles; this looks like Spanish.");
    await shoot(page, "spanish");
    await page.close();
  });
});
