/**
 * Journey: pictures as seen
 * =========================
 *
 * A researcher exports the sample's network as a picture for a paper: the PNG at screen size shows the labels the
 * screen shows (before, it had none), the 2× and 300-dpi PNGs are the same drawing at a higher resolution (the same
 * labels, four and about ten times as many label pixels), and the SVG writes the same labels as text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

/** The labels' ink (the light theme's foreground). */
const INK = "#1d2430";

describe("e2e #pictures as seen", () => {
  let explorer: Explorer;
  let page: Page;

  beforeAll(async () => {
    explorer = await startExplorer();
    page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(explorer.url);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 90_000 });
  });
  afterAll(async () => {
    await explorer?.close();
  });

  const download = async (testId: string) => {
    await page.click("[data-testid=export-button]");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid=${testId}]`)]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };

  it("should draw the screen's labels at 1×, 2× and 300 dpi, at those resolutions", async () => {
    // The canvas alone, without the buttons and the legend laid over it.
    await page.addStyleTag({
      content: "#graph :not(canvas) { visibility: hidden } #graph canvas { visibility: visible }",
    });
    const screen = await page.locator("#graph").screenshot({ path: screenshotPath("picture-export-screen") });
    await page.addStyleTag({ content: "#graph :not(canvas) { visibility: visible }" });
    const onScreen = countColorPixels(screen, [INK], 40);
    expect(onScreen).toBeGreaterThan(300);

    const one = await download("export-png");
    const two = await download("export-png-2x");
    const print = await download("export-png-300dpi");
    expect([one.name, two.name, print.name]).toEqual([
      expect.stringMatching(/[^@]\.png$/),
      expect.stringMatching(/@2x\.png$/),
      expect.stringMatching(/@300dpi\.png$/),
    ]);
    for (const [name, file] of [
      ["1x", one],
      ["2x", two],
      ["300dpi", print],
    ] as const)
      writeFileSync(screenshotPath(`picture-export-${name}`), file.bytes);
    const width = (png: Buffer) => PNG.sync.read(png).width;
    expect(width(two.bytes) / width(one.bytes)).toBeCloseTo(2, 1);
    expect(width(print.bytes) / width(one.bytes)).toBeCloseTo(300 / 96, 1);

    const ink = (png: Buffer) => countColorPixels(png, [INK], 40);
    // The same labels as the screen: about as much ink at 1×, four times as much at 2× (twice the size each way).
    expect(ink(one.bytes) / onScreen).toBeGreaterThan(0.6);
    expect(ink(one.bytes) / onScreen).toBeLessThan(1.6);
    expect(ink(two.bytes) / ink(one.bytes)).toBeGreaterThan(2.5);
    expect(ink(print.bytes) / ink(one.bytes)).toBeGreaterThan(6);
  });

  it("should write the screen's labels, and only those, into the SVG", async () => {
    const shown = await page.evaluate(
      () => (window as unknown as { parley: { viewStats(): { labels: number } } }).parley.viewStats().labels,
    );
    const svg = (await download("export-svg")).bytes.toString("utf8");
    // The labels' group, apart from the legend's texts.
    const labels = svg.split('<g class="labels"')[1]!.split("</g>")[0]!;
    expect(labels.match(/<text /g)?.length).toBe(shown);
  });
});
