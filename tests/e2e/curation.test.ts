/**
 * Journey: a curator merges two spellings of one person from the explorer's node panel and sees one node carrying
 * both names, then settles an unsure reading of the extractor on the review page with one click.
 * The data is synthetic (invented officials and countries), written for this test and loaded next to the seed.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

const TEXT =
  "Veloria's envoy Talia Morcant met Ostrelian minister Jonas Pellarin in Vienna on Monday. " +
  "T. Morcant met Pellarin again in Prague on Friday. " +
  "Morcant said the talks had gone well.";
const at = (needle: string, from = 0) => {
  const start = TEXT.indexOf(needle, from);
  return { article: "art-curation", start, end: start + needle.length, by: "extractor:e2e" };
};
const LAST_MORCANT = TEXT.lastIndexOf("Morcant");

/** Two spellings of one person, a namesake, two meetings, and one unsure mention queued for review. */
const CURATION_DATA = {
  format: "parley-import",
  version: 1,
  articles: [{ id: "art-curation", title: "Envoys meet twice", published: "2024-03-08", text: TEXT }],
  nodes: [
    { id: "talia-morcant", type: "person", name: "Talia Morcant", evidence: [at("Talia Morcant")] },
    { id: "t-morcant", type: "person", name: "T. Morcant", evidence: [at("T. Morcant")] },
    { id: "dario-morcant", type: "person", name: "Dario Morcant", evidence: [{ ...at("Morcant", LAST_MORCANT) }] },
    { id: "jonas-pellarin", type: "person", name: "Jonas Pellarin", evidence: [at("Jonas Pellarin")] },
    { id: "vienna-e2e", type: "place", kind: "city", name: "Vienna" },
    { id: "prague-e2e", type: "place", kind: "city", name: "Prague" },
    {
      id: "evt-curation-1",
      type: "event",
      kind: "meeting",
      name: "Meeting: Talia Morcant, Jonas Pellarin",
      date: "2024-03-04",
      place: "vienna-e2e",
      participants: [{ actor: "talia-morcant" }, { actor: "jonas-pellarin" }],
      evidence: [at("Veloria's envoy")],
    },
    {
      id: "evt-curation-2",
      type: "event",
      kind: "meeting",
      name: "Meeting: T. Morcant, Jonas Pellarin",
      date: "2024-03-08",
      place: "prague-e2e",
      participants: [{ actor: "t-morcant" }, { actor: "jonas-pellarin" }],
      evidence: [at("T. Morcant met Pellarin")],
    },
  ],
  suggestions: [
    {
      kind: "ambiguous-mention",
      article: "art-curation",
      text: "Morcant",
      candidates: ["dario-morcant", "talia-morcant"],
      chosen: "dario-morcant",
      start: LAST_MORCANT,
      end: LAST_MORCANT + "Morcant".length,
    },
  ],
};

type Parley = { graph: { hasNode(n: string): boolean }; store: { state: { selectedNode: string | null } } };
/** Runs in the page: the explorer handle, typed locally (other e2e files declare `Window.parley` their own way). */
type ParleyWindow = { parley: Parley };

describe("e2e #curation", () => {
  let url: string;
  let browser: Browser;
  const errors: string[] = [];

  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  const detailsFor = (page: Page, id: string) =>
    page.waitForFunction(
      (node) =>
        document.getElementById("details")?.dataset.state === "ready" &&
        document.getElementById("details")?.dataset.node === node,
      id,
      { timeout: 30_000 },
    );
  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}${path}`);
    await ready(page);
    return page;
  };
  const shoot = async (page: Page, name: string) =>
    writeFileSync(screenshotPath(`curation-${name}`), await page.screenshot());

  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer({ extraData: [CURATION_DATA] });
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should merge two actors from the explorer into one node with both names", async () => {
    const page = await open("/?node=t-morcant");
    await detailsFor(page, "t-morcant");
    await page.waitForSelector("[data-testid=history][data-state=ready]");
    await page.click("[data-testid=curate-merge]");
    await page.fill("[data-testid=merge-search]", "Talia Morcant");
    await page.click("[data-testid=merge-hit][data-node=talia-morcant]");
    await page.waitForSelector("[data-testid=merge-confirm]:not([hidden]) [data-testid=merge-keep]");
    await expect(page.locator("[data-testid=merge-keep]").textContent()).resolves.toContain("Talia Morcant");
    await expect(page.locator("[data-testid=merge-merged]").textContent()).resolves.toContain("T. Morcant");
    await page.fill(
      "[data-testid=merge-dialog] [data-testid=curate-reason]",
      "Same envoy, initial only in the second paragraph",
    );
    await shoot(page, "merge-confirm");
    await page.click("[data-testid=merge-dialog] [data-testid=curate-submit]");

    await detailsFor(page, "talia-morcant");
    await ready(page);
    await expect(page.locator("#details h2").textContent()).resolves.toBe("Talia Morcant");
    await expect(page.locator("#details .aliases").textContent()).resolves.toContain("T. Morcant");
    expect(await page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.hasNode("t-morcant"))).toBe(
      false,
    );
    expect(await page.evaluate(() => (window as unknown as ParleyWindow).parley.graph.hasNode("talia-morcant"))).toBe(
      true,
    );
    // Both meetings now belong to the kept actor, and the merge is in its history with a revert button.
    await expect(page.locator("#details [data-testid=event][data-event=evt-curation-2]").count()).resolves.toBe(1);
    await page.waitForSelector("[data-testid=history][data-state=ready] [data-testid=history-item][data-action=merge]");
    await expect(page.locator("[data-testid=history-item][data-action=merge]").textContent()).resolves.toContain(
      "Same envoy",
    );
    await shoot(page, "merged");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should edit a node with a reason, list the change in its history, and revert it", async () => {
    const page = await open("/?node=jonas-pellarin");
    await detailsFor(page, "jonas-pellarin");
    await page.click("[data-testid=curate-edit]");
    await page.fill("[data-testid=edit-description]", "Foreign minister of Ostrelia");
    // Without a reason nothing is sent: the dialog asks why.
    await page.click("[data-testid=edit-dialog] [data-testid=curate-submit]");
    await page.waitForSelector("[data-testid=edit-dialog] [data-testid=write-error]");
    await page.fill(
      "[data-testid=edit-dialog] [data-testid=curate-reason]",
      "Title from the article's first paragraph",
    );
    await page.click("[data-testid=edit-dialog] [data-testid=curate-submit]");
    await page.waitForSelector("[data-testid=history][data-state=ready] [data-testid=history-item][data-action=edit]");
    await expect(page.locator("#details p.summary").textContent()).resolves.toBe("Foreign minister of Ostrelia");
    await expect(page.locator("[data-testid=history-item][data-action=edit]").textContent()).resolves.toContain(
      "description: — → Foreign minister of Ostrelia",
    );
    await shoot(page, "edited");
    await page.click("[data-testid=history-item][data-action=edit] [data-testid=history-revert]");
    await page.waitForSelector("[data-testid=history-item][data-action=edit][data-reverted=true]");
    await detailsFor(page, "jonas-pellarin");
    await expect(page.locator("#details p.summary").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should accept a suggestion from the review page with the chosen candidate", async () => {
    const page = await open("/review");
    const card = page.locator("[data-testid=suggestion][data-kind=ambiguous-mention]").first();
    await card.waitFor();
    await expect(card.locator("[data-testid=review-passage] mark").textContent()).resolves.toBe("Morcant");
    await expect(card.locator("[data-testid=review-passage]").textContent()).resolves.toContain(
      "said the talks had gone well",
    );
    await card.locator("[data-testid=review-choice][value=talia-morcant]").check();
    await shoot(page, "review");
    await card.locator("[data-testid=review-accept]").click();
    await page.waitForSelector("[data-testid=suggestion][data-status=accepted]");
    await expect(card.locator("[data-testid=review-outcome]").textContent()).resolves.toContain("Talia Morcant");
    await shoot(page, "review-accepted");

    const accepted = (await (await fetch(`${url}/api/suggestions?status=accepted`)).json()) as {
      suggestions: { chosen: string; text: string }[];
    };
    expect(accepted.suggestions.map((s) => [s.text, s.chosen])).toContainEqual(["Morcant", "talia-morcant"]);
    await page.reload();
    await ready(page);
    expect(await page.locator("[data-testid=suggestion][data-status=open]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
