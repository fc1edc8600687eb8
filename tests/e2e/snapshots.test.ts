/**
 * Journey: a reporter shares the view they found; an editor opens the link in another browser and sees the same
 * nodes in the same places, read-only; a blog embeds it in an iframe from another site; the PNG export is a real
 * picture; a taken-down snapshot says so; the recent list shows what was shared.
 */
import { readFileSync, writeFileSync } from "node:fs";
import express from "express";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../client/src/graph/style.js";
import { countColorPixels, listen, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

/** `window.parley` as these tests read it (typed locally: other specs declare their own shape). */
interface ParleyHandle {
  graph: { order: number; forEachNode(cb: (n: string, a: Record<string, unknown>) => void): void };
  renderer: { graphToViewport(p: { x: number; y: number }): { x: number; y: number } };
}
type ParleyWindow = Window & { parley: ParleyHandle };
type Placed = Record<string, { x: number; y: number; vx: number; vy: number }>;

/** Share of pixels whose colour differs by more than `threshold` in some channel between two same-size PNGs. */
function pixelDifference(a: Buffer, b: Buffer, threshold = 48): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  expect([pb.width, pb.height]).toEqual([pa.width, pa.height]);
  let differing = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if ([0, 1, 2].some((c) => Math.abs(pa.data[i + c]! - pb.data[i + c]!) > threshold)) differing++;
  }
  return differing / (pa.width * pa.height);
}

/** Pixels that are not (near) the given background colour. */
function nonBackgroundPixels(png: Buffer, background = [255, 255, 255], tolerance = 12): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i + 3]! > 0 && [0, 1, 2].some((c) => Math.abs(image.data[i + c]! - background[c]!) > tolerance))
      count++;
  }
  return count;
}

describe("e2e #snapshots", () => {
  let url: string;
  let browser: Browser;
  let sharedUrl = "";
  const errors: string[] = [];

  const ready = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  /** Graph positions and where each node is drawn on the canvas. */
  const placed = (page: Page): Promise<Placed> =>
    page.evaluate(() => {
      const { graph, renderer } = (window as unknown as ParleyWindow).parley;
      const out: Record<string, { x: number; y: number; vx: number; vy: number }> = {};
      graph.forEachNode((n, a) => {
        const v = renderer.graphToViewport({ x: a.x as number, y: a.y as number });
        out[n] = { x: a.x as number, y: a.y as number, vx: v.x, vy: v.y };
      });
      return out;
    });
  /** The canvas without the overlays that legitimately differ (status text, toolbar buttons, banners). */
  const canvasShot = (page: Page) =>
    page.locator("#graph").screenshot({
      mask: [page.locator(".toolbar"), page.locator(".legend"), page.locator(".status"), page.locator(".view-banner")],
      animations: "disabled",
    });

  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
    ({ url, browser } = explorer);
  });
  afterAll(async () => explorer?.close());

  it("should open a shared view read-only in a fresh browser with the same nodes in the same places", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await ready(page);
    await page.click("[data-testid=share-button]");
    await page.fill("[data-testid=share-title]", "Meetings around Rouhani");
    await page.fill("[data-testid=share-note]", "The seed network as of the test run.");
    await page.click("[data-testid=share-create]");
    await page.locator("[data-testid=share-result]").waitFor({ state: "visible" });
    sharedUrl = await page.inputValue("[data-testid=share-link]");
    expect(sharedUrl).toMatch(new RegExp(`^${url}/s/[0-9a-f]{20}$`));
    expect(await page.inputValue("[data-testid=share-embed]")).toContain(`${sharedUrl}?embed=1`);
    writeFileSync(screenshotPath("snapshots-share-dialog"), await page.screenshot());
    await page.click("[data-testid=share-close]");
    const original = await placed(page);
    const originalShot = await canvasShot(page);
    writeFileSync(screenshotPath("snapshots-original-canvas"), originalShot);

    // A fresh context: no cookies, no storage, nothing shared with the sharer's browser.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const viewer = await fresh.newPage();
    viewer.on("pageerror", (e) => errors.push(e.message));
    const requests: string[] = [];
    viewer.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await viewer.goto(sharedUrl);
    await ready(viewer);
    expect(await viewer.evaluate(() => document.body.dataset.snapshot)).toBe("ready");
    expect(requests).not.toContain("/api/graph");
    await expect(viewer.locator("[data-testid=snapshot-banner]").textContent()).resolves.toMatch(
      /Snapshot taken .+ — open live/,
    );
    expect(await viewer.locator("#filters").isVisible()).toBe(false);
    expect(await viewer.locator("[data-testid=search-input]").isVisible()).toBe(false);
    expect(await viewer.locator("[data-testid=share-button]").count()).toBe(0);

    const copyShot = await canvasShot(viewer);
    writeFileSync(screenshotPath("snapshots-shared-canvas"), copyShot);
    writeFileSync(screenshotPath("snapshots-shared-page"), await viewer.screenshot());
    const copy = await placed(viewer);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
    for (const [node, p] of Object.entries(original)) {
      expect(copy[node]!.x).toBeCloseTo(p.x, 6);
      expect(copy[node]!.y).toBeCloseTo(p.y, 6);
      expect(Math.abs(copy[node]!.vx - p.vx)).toBeLessThan(1.5);
      expect(Math.abs(copy[node]!.vy - p.vy)).toBeLessThan(1.5);
    }
    expect(countColorPixels(copyShot, [TYPE_COLORS.person!])).toBeGreaterThan(200);
    expect(pixelDifference(originalShot, copyShot)).toBeLessThan(0.01);

    // Open live: nothing changed in the data since, and the card says so.
    await viewer.click("[data-testid=open-live]");
    await viewer.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-testid=snapshot-changes]")?.dataset.state === "ready",
    );
    await expect(viewer.locator("[data-testid=live-summary]").textContent()).resolves.toMatch(/Nothing changed/);
    expect(errors).toEqual([]);
    await fresh.close();
    await context.close();
  });

  it("should render the embed view in an iframe on another site", async () => {
    const host = express();
    host.get("/", (_req, res) => {
      res
        .type("html")
        .send(
          `<!doctype html><title>Blog</title><h1>A blog post</h1><iframe id="embed" src="${sharedUrl}?embed=1" width="1264" height="480" style="border:1px solid #ccc"></iframe>`,
        );
    });
    const other = await listen(host);
    try {
      // A wide, low frame, as a blog's content column gives.
      const page = await browser.newPage({ viewport: { width: 1320, height: 640 } });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(other.url);
      const frame = page.frameLocator("#embed");
      await frame.locator("body[data-ready=true]").waitFor({ timeout: 60_000 });
      expect(await frame.locator(".topbar").isVisible()).toBe(false);
      expect(await frame.locator("[data-testid=embed-link]").isVisible()).toBe(true);
      // The whole network is inside the frame: every node drawn on its canvas.
      const inFrame = page.frames().find((f) => f.url().includes("embed=1"))!;
      const seen = await inFrame.evaluate(() => {
        const { graph, viewStats } = (
          window as unknown as { parley: { graph: { order: number }; viewStats(): { nodes: number } } }
        ).parley;
        return { order: graph.order, nodes: viewStats().nodes };
      });
      expect(seen.order).toBeGreaterThan(10);
      expect(seen.nodes).toBe(seen.order);
      const shot = await page.locator("#embed").screenshot();
      writeFileSync(screenshotPath("snapshots-embed"), await page.screenshot());
      expect(countColorPixels(shot, [TYPE_COLORS.person!])).toBeGreaterThan(100);
      expect(countColorPixels(shot, [TYPE_COLORS.government!])).toBeGreaterThan(20);
      await page.close();
    } finally {
      other.server.close();
    }
  });

  it("should download a non-blank PNG export", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(url);
    await ready(page);
    await page.click("[data-testid=export-button]");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-png]")]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await download.path())!);
    writeFileSync(screenshotPath("snapshots-export"), png);
    const image = PNG.sync.read(png);
    expect(image.width).toBeGreaterThan(300);
    expect(nonBackgroundPixels(png)).toBeGreaterThan(2000);
    expect(countColorPixels(png, [TYPE_COLORS.person!])).toBeGreaterThan(200);
    await page.close();
  });

  it("should say so when a snapshot was taken down, and list the others", async () => {
    const body = {
      title: "To be removed",
      graph: { nodes: [{ key: "a", attributes: { x: 0, y: 0, label: "A" } }], edges: [] },
    };
    const created = (await (
      await fetch(`${url}/api/snapshots`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string };
    const removed = await fetch(`${url}/api/snapshots/${created.id}`, {
      method: "DELETE",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason: "Legal request" }),
    });
    expect(removed.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/s/${created.id}`);
    await page.waitForFunction(() => document.body.dataset.snapshot === "gone");
    await expect(page.locator("#message").textContent()).resolves.toMatch(/no longer available/);
    writeFileSync(screenshotPath("snapshots-gone"), await page.screenshot());

    await page.goto(`${url}/snapshots`);
    await ready(page);
    const items = page.locator(".recent-snapshots li");
    expect(await items.count()).toBe(1);
    await expect(items.first().textContent()).resolves.toMatch(/Meetings around Rouhani/);
    writeFileSync(screenshotPath("snapshots-recent"), await page.screenshot());
    await page.close();
  });
});
