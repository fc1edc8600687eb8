/**
 * Test helpers: browser
 * =====================
 *
 * Debian's Chromium driven by playwright-core (software WebGL through SwiftShader), the built explorer served by
 * an in-process app on a free port, and pixel counting on screenshots.
 */
import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { PNG } from "pngjs";
import { ROOT_DIR } from "../../server/config.js";

export const SCREENSHOT_DIR = path.join(ROOT_DIR, "test-results", "screenshots");

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches Chromium from CHROME_PATH or /usr/bin/chromium with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROME_PATH.`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

/** Builds the client when it is missing or stale (the same check npm start does). */
export async function ensureClientBuilt(): Promise<void> {
  const { clientBuildIsStale } = await import("../../scripts/client-build.js");
  if (clientBuildIsStale()) {
    const { build } = await import("vite");
    await build({ configFile: path.join(ROOT_DIR, "vite.config.ts"), logLevel: "warn" });
  }
}

/** Listens on a free loopback port and returns the base URL. */
export async function listen(app: {
  listen: (port: number, host: string, cb: () => void) => Server;
}): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, server });
    });
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Counts pixels of a PNG that are close to one of the given colours (#rrggbb). */
export function countColorPixels(png: Buffer, colors: string[], tolerance = 24): number {
  const image = PNG.sync.read(png);
  const targets = colors.map(
    (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number],
  );
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i]!;
    const g = image.data[i + 1]!;
    const b = image.data[i + 2]!;
    if (
      targets.some(
        ([tr, tg, tb]) =>
          Math.abs(r - tr) <= tolerance && Math.abs(g - tg) <= tolerance && Math.abs(b - tb) <= tolerance,
      )
    )
      count++;
  }
  return count;
}

/** The colour of one pixel of a PNG as #rrggbb (x, y in the image's pixels). */
export function pixelAt(png: Buffer, x: number, y: number): string {
  const image = PNG.sync.read(png);
  const i = (Math.round(y) * image.width + Math.round(x)) * 4;
  return `#${[0, 1, 2].map((k) => image.data[i + k]!.toString(16).padStart(2, "0")).join("")}`;
}

/** Distance between two #rrggbb colours, the largest of the channel differences. */
export function colorDistance(a: string, b: string): number {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
}
