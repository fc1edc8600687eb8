/**
 * Browser benchmark
 * =================
 *
 * Builds the bench pages (tests/bench/pages) with Vite, serves them on a free port, and measures in headless
 * Chromium (software WebGL): time from page open to the first frame drawn, frames per second while panning and
 * zooming (median of 3 rounds through every engine, counting frames the renderer actually drew), and JS heap, for raw sigma (default
 * settings), raw sigma with the big-graph settings, Parley's renderer module with the same settings, and vis-network.
 */
import path from "node:path";
import express from "express";
import type { Page } from "playwright-core";
import { build } from "vite";
import type { BenchRow } from "./report.js";
import { ROOT_DIR } from "../../server/config.js";
import { launchBrowser, listen } from "../helpers/browser.js";

const PAGES_DIR = path.join(ROOT_DIR, "tests", "bench", "pages");
const OUT_DIR = path.join(ROOT_DIR, ".parley", "bench-pages");

interface Engine {
  name: string;
  page: "sigma" | "vis";
  mode: string;
  /** Skipped above this many nodes (vis-network may skip the largest size). */
  maxNodes: number;
  /** Left out of `--quick`, which must stay within its four minutes. */
  fullRunOnly?: boolean;
}

const ENGINES: Engine[] = [
  { name: "sigma default", page: "sigma", mode: "default", maxNodes: Infinity },
  { name: "sigma big-graph", page: "sigma", mode: "big", maxNodes: Infinity },
  { name: "parley", page: "sigma", mode: "parley", maxNodes: Infinity },
  // Sigma 4 beside sigma 3, both with their default settings (the explorer is built on sigma 3).
  { name: "sigma 4 default", page: "sigma", mode: "sigma4", maxNodes: Infinity, fullRunOnly: true },
  { name: "vis-network", page: "vis", mode: "default", maxNodes: 20_000 },
];

const SIZES = [
  { label: "5k/25k", nodes: 5_000, edges: 25_000 },
  { label: "20k/100k", nodes: 20_000, edges: 100_000 },
  { label: "50k/250k", nodes: 50_000, edges: 250_000 },
];

const RUNS = 3;
/** `--quick` keeps within its four minutes with two rounds (the figure is then their mean). */
const QUICK_RUNS = 2;

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Drags the mouse in circles around a centre for `panMs`, as a person panning would; each move waits for the page,
 * so a slow renderer paces the gesture. Returns the frames `frames()` counted meanwhile, and the time taken.
 */
export async function dragInCircles(
  page: Page,
  circle: { x: number; y: number; rx: number; ry: number },
  panMs: number,
  frames: () => Promise<number>,
): Promise<{ frames: number; ms: number }> {
  await page.mouse.move(circle.x, circle.y);
  await page.mouse.down();
  const before = await frames();
  const started = Date.now();
  for (let i = 0; Date.now() - started < panMs; i++) {
    const a = i * 0.2;
    await page.mouse.move(circle.x + circle.rx * Math.cos(a), circle.y + circle.ry * Math.sin(a), { steps: 2 });
  }
  await page.mouse.up();
  return { frames: (await frames()) - before, ms: Date.now() - started };
}

async function measure(
  page: Page,
  url: string,
  panMs: number,
): Promise<{ first: number; fps: number; heap: number; renderer: string }> {
  await page.goto(url);
  await page.waitForFunction(() => "bench" in window, undefined, { timeout: 120_000 });
  const first = await page.evaluate(
    () => (window as unknown as { bench: { firstFrameMs: Promise<number> } }).bench.firstFrameMs,
  );
  const renderer = await page.evaluate(() => (window as unknown as { bench: { renderer: string } }).bench.renderer);
  // Settle: let deferred work (label grid, hover canvas) finish before panning.
  await page.waitForTimeout(300);
  // Pan by dragging the mouse in circles, as a person would: renderers then know the view is moving (sigma's
  // hideEdgesOnMove reads its mouse captor).
  const frames = () => page.evaluate(() => (window as unknown as { bench: { frames(): number } }).bench.frames());
  const pan = await dragInCircles(page, { x: 640, y: 400, rx: 220, ry: 160 }, panMs, frames);
  // Memory is read at rest, once the renderer has settled after the gesture.
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  // Garbage from the pan would count otherwise; what is left is what the renderer holds.
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
  await cdp.detach();
  return { first, fps: pan.frames / (pan.ms / 1000), heap, renderer };
}

/** Runs the browser part; `quick` measures the smallest size only. */
export async function runBrowserBench(options: {
  quick: boolean;
  sizes?: string[];
  progress: (m: string) => void;
}): Promise<{ rows: BenchRow[]; renderer: string; parleyNote: string }> {
  const { progress } = options;
  progress("building the bench pages with Vite (not counted)");
  await build({
    root: PAGES_DIR,
    base: "./",
    logLevel: "warn",
    configFile: false,
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      rollupOptions: { input: { sigma: path.join(PAGES_DIR, "sigma.html"), vis: path.join(PAGES_DIR, "vis.html") } },
    },
  });
  const app = express();
  app.use(express.static(OUT_DIR));
  const { url, server } = await listen(app);
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  let rendererString = "";
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const chosen = options.sizes?.length
      ? SIZES.filter((s) => options.sizes!.includes(s.label))
      : options.quick
        ? SIZES.slice(0, 1)
        : SIZES;
    for (const size of chosen) {
      // Rounds go through every engine in turn, so that a machine that speeds up or slows down during the run (seen:
      // 2× within an evening) shifts every engine alike instead of the ones measured last.
      const engines = ENGINES.filter(
        (engine) => size.nodes <= engine.maxNodes && !(options.quick && engine.fullRunOnly),
      );
      const runsOf = new Map(
        engines.map((engine) => [engine.name, [] as { first: number; fps: number; heap: number }[]]),
      );
      for (let run = 0; run < (options.quick ? QUICK_RUNS : RUNS); run++) {
        for (const engine of engines) {
          const page = await context.newPage();
          try {
            // Long enough for a few dozen frames at the fluid sizes and for several at the slowest engine (quick: a
            // few at 1.5 FPS; it keeps `--quick` within its two minutes on this machine).
            const panMs = options.quick ? 2_000 : size.nodes >= 50_000 ? 6_000 : 4_000;
            const r = await measure(
              page,
              `${url}/${engine.page}.html?mode=${engine.mode}&nodes=${size.nodes}&edges=${size.edges}`,
              panMs,
            );
            rendererString ||= r.renderer;
            runsOf.get(engine.name)!.push(r);
          } catch (error) {
            progress(
              `${engine.name} @${size.label} run ${run + 1} failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          } finally {
            await page.close();
          }
        }
      }
      const results = new Map<string, { first: number; fps: number; heap: number }>();
      for (const [name, runs] of runsOf) {
        const result = {
          first: median(runs.map((r) => r.first)),
          fps: median(runs.map((r) => r.fps)),
          heap: median(runs.map((r) => r.heap)),
        };
        results.set(name, result);
        // Each run's figures too: a median of three can hide one slow round, or be one.
        const each = (pick: (r: { first: number; fps: number }) => number, digits: number) =>
          runs.map((r) => pick(r).toFixed(digits)).join(" / ");
        progress(
          `browser ${name} @${size.label}: first frame ${Math.round(result.first)} ms (runs ${each((r) => r.first, 0)}), ` +
            `${result.fps.toFixed(2)} fps (runs ${each((r) => r.fps, 2)}), heap ${(result.heap / 2 ** 20).toFixed(0)} MiB`,
        );
      }
      const base = results.get("sigma default");
      const big = results.get("sigma big-graph");
      const vis = results.get("vis-network");
      for (const [name, r] of results) {
        // Parley is compared with raw sigma with the same settings (its per-frame overhead); the others with default sigma.
        const against = name === "parley" ? big : name === "sigma default" ? vis : base;
        const againstName =
          name === "parley"
            ? "sigma big-graph"
            : name === "sigma default"
              ? "vis-network"
              : name === "sigma 4 default"
                ? "sigma default (sigma 3)"
                : "sigma default";
        rows.push({
          section: "browser",
          metric: `${name} FPS panning`,
          size: size.label,
          value: r.fps,
          unit: "fps",
          ...(against ? { baseline: against.fps, baselineName: againstName } : {}),
        });
        if (name === "parley" && base)
          rows.push({
            section: "browser",
            metric: "parley FPS vs default sigma",
            size: size.label,
            value: r.fps,
            unit: "fps",
            baseline: base.fps,
            baselineName: "sigma default",
          });
        if (name === "parley" && vis)
          rows.push({
            section: "browser",
            metric: "parley FPS vs vis-network",
            size: size.label,
            value: r.fps,
            unit: "fps",
            baseline: vis.fps,
            baselineName: "vis-network",
          });
        rows.push({
          section: "browser",
          metric: `${name} first frame`,
          size: size.label,
          value: r.first,
          unit: "ms",
          ...(base && name !== "sigma default" ? { baseline: base.first, baselineName: "sigma default" } : {}),
        });
        rows.push({
          section: "browser",
          metric: `${name} JS heap`,
          size: size.label,
          value: r.heap / 2 ** 20,
          unit: "MiB",
          ...(vis && name !== "vis-network" ? { baseline: vis.heap / 2 ** 20, baselineName: "vis-network" } : {}),
        });
      }
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  return {
    rows,
    renderer: rendererString,
    parleyNote:
      "explorer page has no hook to load a given graph; 'parley' = the explorer's renderer module (client/src/sigma/renderer.ts createRenderer) + big-graph-settings.ts on the same graph",
  };
}
