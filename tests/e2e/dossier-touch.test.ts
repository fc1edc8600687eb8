/**
 * Journey: a dossier to send, a snapshot on a phone
 * =================================================
 *
 * An analyst exports the sample network as a dossier: the PDF parses, draws the network as vector paths (not a
 * picture), names the legend's types, the filters and the time window, lists the actors, and prints one numbered
 * footnote per quote cited for the links shown, with its source. Its first page is rendered with pdftoppm to look
 * at. Then a reader opens a shared snapshot on a phone (390×844, touch): a tap on a node opens the details as a
 * bottom sheet with the node's evidence, and a pinch zooms the graph.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFArray, PDFDocument, PDFRawStream, PDFRef, decodePDFRawStream } from "pdf-lib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EdgeEventsDto } from "../../contracts/api.js";
import { screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

interface ParleyHook {
  parley: {
    graph: {
      forEachEdge(cb: (e: string, a: Record<string, unknown>, s: string, t: string) => void): void;
      order: number;
    };
    renderer: {
      getCamera(): { ratio: number };
      getNodeDisplayData(n: string): { x: number; y: number; hidden?: boolean } | undefined;
      framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
    };
  };
}

const ready = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 90_000 });

/** Whitespace as one space, so quotes wrapped over lines by the PDF still match. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("e2e #dossier and touch", () => {
  let explorer: Explorer;
  let page: Page;
  const work = mkdtempSync(path.join(tmpdir(), "parley-dossier-"));

  beforeAll(async () => {
    explorer = await startExplorer();
    const context = await explorer.browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      locale: "en-US",
    });
    page = await context.newPage();
    await page.goto(explorer.url);
    await ready(page);
  });
  afterAll(async () => {
    await explorer?.close();
  });

  it("should export the sample's dossier: vector network, legend, scope, actors and one footnote per cited quote", async () => {
    // The meeting ties shown, and every quote the API cites for them (each once): what the footnotes must hold.
    const ties = await page.evaluate(() => {
      const out: [string, string][] = [];
      (window as unknown as ParleyHook).parley.graph.forEachEdge((_e, a, s, t) => {
        if (a.kind === "met") out.push([s, t]);
      });
      return out;
    });
    expect(ties.length).toBeGreaterThan(5);
    const cited = new Map<string, { quote: string; title: string; publisher: string | null }>();
    const answers = await Promise.all(
      ties.map(
        async ([a, b]) =>
          (await (
            await fetch(`${explorer.url}/api/edges/${encodeURIComponent(a)}/${encodeURIComponent(b)}`)
          ).json()) as EdgeEventsDto,
      ),
    );
    for (const body of answers)
      for (const event of body.events)
        for (const c of event.evidence)
          if (c.status !== "rejected" && c.quote)
            cited.set(c.evidenceId, { quote: c.quote, title: c.article.title, publisher: c.article.publisher });
    expect(cited.size).toBeGreaterThan(3);

    await page.click("[data-testid=export-button]");
    await page.click("[data-testid=export-dossier]");
    const dialog = page.locator("[data-testid=dossier-dialog]");
    await dialog.waitFor({ state: "visible" });
    // Letter is the default for an en-US browser.
    expect(await page.isChecked("[data-testid=dossier-letter]")).toBe(true);
    await page.screenshot({ path: screenshotPath("dossier-dialog") });
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("[data-testid=dossier-make]"),
    ]);
    expect(download.suggestedFilename()).toMatch(/dossier\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    const file = path.join(work, "dossier.pdf");
    writeFileSync(file, bytes);

    const pdf = await PDFDocument.load(bytes);
    const first = pdf.getPage(0);
    expect(first.getSize()).toEqual({ width: 612, height: 792 });
    // Page 1's content stream: the network as path operators (lines stroked, discs as Bézier curves filled).
    const contents = first.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref as PDFRef)) : [contents];
    const operators = streams
      .map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString("latin1"))
      .join("\n");
    const strokes = operators.match(/\bl\nS\b/g)?.length ?? 0;
    const curves = operators.match(/ c\n/g)?.length ?? 0;
    expect(strokes).toBeGreaterThanOrEqual(ties.length);
    expect(curves).toBeGreaterThan(4 * 10);
    // No picture of the canvas: the page holds no image.
    expect(operators).not.toMatch(/\/\w+ Do\b/);

    const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8"));
    for (const words of ["Legend", "Person", "Government", "Filters: none", "Time window: all dates", "Actors shown"])
      expect(text).toContain(words);
    // Every quote of a meeting shown (role links add their own), each with its article, numbered once.
    const total = Number(/Sources: cited quotes \((\d+)\)/.exec(text)?.[1]);
    expect(total).toBeGreaterThanOrEqual(cited.size);
    for (const [, c] of cited) {
      expect(text).toContain(squash(c.quote));
      expect(text).toContain(squash(c.title).slice(0, 30));
    }
    expect(text).toContain(`${total}. “`);
    expect(text).not.toContain(`${total + 1}. “`);

    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, path.join(work, "page1")]);
    writeFileSync(screenshotPath("dossier-page-1"), readFileSync(path.join(work, "page1.png")));
  });

  it("should print the graph and its legend without the panels (Ctrl+P)", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.isVisible("#sidebar")).toBe(false);
    expect(await page.isVisible(".topbar")).toBe(false);
    expect(await page.isVisible("#legend .legend-item >> nth=0")).toBe(true);
    // Sigma's WebGL canvases print blank: a picture of the drawing stands in for them.
    expect(await page.isVisible("#graph .print-picture")).toBe(true);
    const file = path.join(work, "printed.pdf");
    writeFileSync(file, await page.pdf({ format: "Letter", landscape: true, printBackground: true }));
    await page.emulateMedia({ media: "screen" });
    expect((await PDFDocument.load(readFileSync(file))).getPageCount()).toBe(1);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, path.join(work, "printed")]);
    writeFileSync(screenshotPath("dossier-printed"), readFileSync(path.join(work, "printed.png")));
  });

  it("should carry the legend in the SVG export", async () => {
    await page.click("[data-testid=export-button]");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-svg]")]);
    const svg = readFileSync((await file.path())!).toString("utf8");
    const legend = svg.split('<g class="legend"')[1] ?? "";
    expect(legend).toMatch(/>Person \(\d+\)</);
    expect(legend).toMatch(/>Government \(\d+\)</);
  });

  it("should export a dossier of a story's step from its player, named after the story and the step", async () => {
    const post = async (endpoint: string, body: unknown) =>
      (await (
        await fetch(`${explorer.url}/api/${endpoint}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json()) as { id: string };
    // A small made-up view: the dossier of a step reads only its own nodes.
    const snapshot = await post("snapshots", {
      title: "Two envoys",
      graph: {
        nodes: [
          { key: "envoy-a", attributes: { x: 0, y: 0, label: "Envoy Ağa", category: "person", size: 8 } },
          { key: "envoy-b", attributes: { x: 10, y: 5, label: "Envoy Nguyễn", category: "person", size: 8 } },
        ],
        edges: [{ source: "envoy-a", target: "envoy-b", attributes: { kind: "met", weight: 1 } }],
      },
    });
    const story = await post("stories", {
      title: "Envoys",
      steps: [{ snapshot: snapshot.id, title: "They meet", caption: "Two envoys meet." }],
    });
    // A page of its own: the explorer's page stays as it is for the phone's snapshot below.
    const player = await page.context().newPage();
    await player.goto(`${explorer.url}/stories/${story.id}`);
    await ready(player);
    await player.click("[data-testid=story-dossier]");
    const [download] = await Promise.all([
      player.waitForEvent("download", { timeout: 60_000 }),
      player.click("[data-testid=dossier-make]"),
    ]);
    const file = path.join(work, "story.pdf");
    writeFileSync(file, readFileSync((await download.path())!));
    const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8"));
    expect(text).toContain("Envoys, step 1: They meet");
    expect(text).toContain("Envoy Ağa");
    expect(text).toContain("Envoy Nguyễn");
    expect(text).toContain("Actors shown (2)");
    await player.close();
  });

  it("should open a tapped node as a bottom sheet with its evidence, and zoom on a pinch, on a phone", async () => {
    // A snapshot of the sample, shared from the desktop page.
    await page.click("[data-testid=share-button]");
    await page.fill("[data-testid=share-title]", "Sample on a phone");
    await page.click("[data-testid=share-create]");
    await page.locator("[data-testid=share-result]").waitFor({ state: "visible" });
    const shared = await page.inputValue("[data-testid=share-link]");

    const phone = await explorer.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(shared);
    await ready(mobile);
    // No sideways scrolling: the page fits the phone.
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await mobile.screenshot({ path: screenshotPath("touch-snapshot") });

    // The biggest person on screen, in page coordinates.
    const target = await mobile.evaluate(() => {
      const { renderer } = (window as unknown as ParleyHook).parley;
      const graph = (window as unknown as { parley: { graph: import("graphology").default } }).parley.graph;
      const box = document.querySelector("#graph")!.getBoundingClientRect();
      let best: { id: string; x: number; y: number; size: number } | null = null;
      graph.forEachNode((id, a) => {
        const d = renderer.getNodeDisplayData(id);
        if (!d || d.hidden || a.category !== "person") return;
        const v = renderer.framedGraphToViewport(d);
        const inside = v.x > 20 && v.y > 20 && v.x < box.width - 20 && v.y < box.height - 20;
        if (inside && (!best || Number(a.size) > best.size))
          best = { id, x: box.left + v.x, y: box.top + v.y, size: Number(a.size) };
      });
      return best as { id: string; x: number; y: number } | null;
    });
    expect(target).not.toBeNull();
    await mobile.touchscreen.tap(target!.x, target!.y);
    const sheet = mobile.locator("[data-testid=details]");
    await sheet.waitFor({ state: "visible" });
    await sheet.locator("[data-testid=citation]").first().waitFor({ state: "attached" });
    const box = (await sheet.boundingBox())!;
    // A bottom sheet: full width, at the bottom of the viewport, at most about half its height.
    expect(Math.round(box.y + box.height)).toBe(844);
    expect(box.width).toBeGreaterThan(380);
    expect(box.height).toBeLessThanOrEqual(844 * 0.5 + 1);
    await expect(sheet.locator("[data-testid=details-close]").isVisible()).resolves.toBe(true);
    await mobile.screenshot({ path: screenshotPath("touch-bottom-sheet") });
    await mobile.click("[data-testid=details-close]");
    await sheet.waitFor({ state: "hidden" });

    // A pinch: two fingers moving apart over the graph zoom in (the camera's ratio shrinks).
    const ratio = () => mobile.evaluate(() => (window as unknown as ParleyHook).parley.renderer.getCamera().ratio);
    const before = await ratio();
    const graphBox = (await mobile.locator("#graph").boundingBox())!;
    const cx = graphBox.x + graphBox.width / 2;
    const cy = graphBox.y + graphBox.height / 2;
    const cdp = await phone.newCDPSession(mobile);
    const fingers = (spread: number) => [
      { x: cx - spread, y: cy, id: 1 },
      { x: cx + spread, y: cy, id: 2 },
    ];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(20) });
    for (const spread of [40, 60, 80, 100])
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(spread) });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await mobile.waitForFunction(
      (r) => (window as unknown as ParleyHook).parley.renderer.getCamera().ratio !== r,
      before,
    );
    expect(await ratio()).toBeLessThan(before * 0.7);
    await mobile.screenshot({ path: screenshotPath("touch-pinched") });
    await phone.close();
  });
});
