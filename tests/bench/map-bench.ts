/**
 * Map panning
 * ===========
 *
 * The Map tab of the explorer (`?view=map`) on the server the endpoint bench runs, with the generated dataset's
 * places: frames per second while a reader drags the map in circles, in headless Chromium. A frame is one drawing
 * of the map (the view writes its drawn dots to `data-dots` after each, which a MutationObserver counts). Beside it,
 * the same gesture on the same map in a time window without events (the world outline alone), so the ratio says
 * what the places and visits cost.
 */
import type { Page } from "playwright-core";
import { ensureClientBuilt, launchBrowser } from "../helpers/browser.js";
import { dragInCircles } from "./browser-bench.js";
import type { BenchReport } from "./report.js";

/** Opens `url` (a map view), waits for it, drags it in circles for `panMs` and returns the map's frames per second. */
async function panMap(page: Page, url: string, panMs: number): Promise<{ fps: number; dots: number }> {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector<HTMLElement>("#map")?.dataset.ready === "true", null, {
    timeout: 180_000,
  });
  const dots = await page.evaluate(
    () => (JSON.parse(document.querySelector("#map")!.getAttribute("data-dots") ?? "[]") as unknown[]).length,
  );
  await page.evaluate(() => {
    const counter = { frames: 0 };
    (window as unknown as { mapFrames: typeof counter }).mapFrames = counter;
    new MutationObserver(() => counter.frames++).observe(document.querySelector("#map")!, {
      attributes: true,
      attributeFilter: ["data-dots"],
    });
  });
  const frames = () => page.evaluate(() => (window as unknown as { mapFrames: { frames: number } }).mapFrames.frames);
  const box = (await page.locator("#map canvas").boundingBox())!;
  const pan = await dragInCircles(
    page,
    { x: box.x + box.width / 2, y: box.y + box.height / 2, rx: 0.3 * box.width, ry: 0.3 * box.height },
    panMs,
    frames,
  );
  return { fps: pan.frames / (pan.ms / 1000), dots };
}

/** Measures panning the Map tab on the explorer at `baseUrl`, with and without the dataset's places. */
export async function benchMapPanning(baseUrl: string, sizeLabel: string, quick: boolean, report: BenchReport) {
  // The server serves the explorer's build: made here when missing or older than the client's sources.
  await ensureClientBuilt();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const panMs = quick ? 2_000 : 4_000;
    const empty = await panMap(page, `${baseUrl}/?view=map&from=1900-01-01&to=1900-12-31`, panMs);
    const full = await panMap(page, `${baseUrl}/?view=map`, panMs);
    if (!(empty.fps > 0) || !(full.fps > 0)) throw new Error("bench: the map drew no frame while panned");
    report.record({
      section: "browser",
      metric: "map FPS panning",
      size: sizeLabel,
      value: full.fps,
      unit: "fps",
      baseline: empty.fps,
      baselineName: "the world outline alone (a window without events)",
      note: `${full.dots.toLocaleString("en-US")} places drawn; Chromium, software rendering`,
    });
  } finally {
    await browser.close();
  }
}
