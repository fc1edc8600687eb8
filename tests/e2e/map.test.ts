/**
 * Journey: where diplomacy happens
 * ================================
 *
 * A reader opens the Map tab on the sample data (`?view=map`): a world map drawn offline (sea, land, borders) with
 * the sample's events as dots at their places (Tehran, Erbil, Kirkuk…). Selecting Nechirvan Barzani highlights the
 * places of his meetings and visits (Tehran, Erbil) and dims the others; clicking Tehran's dot selects the place, and
 * the details panel lists its events with their evidence. The URL keeps the map.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countColorPixels, screenshotPath } from "../helpers/browser.js";
import { type Explorer, startExplorer } from "../helpers/explorer.js";

interface Dot {
  id: string;
  x: number;
  y: number;
  r: number;
  highlighted: boolean;
}

describe("e2e #map of where the events happened", () => {
  let explorer: Explorer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    explorer = await startExplorer();
    page = await explorer.browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on("pageerror", (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await explorer?.close();
  });

  const mapReady = () =>
    page.waitForFunction(() => document.querySelector<HTMLElement>("#map")?.dataset.ready === "true", null, {
      timeout: 60_000,
    });
  const dots = async (): Promise<Dot[]> =>
    JSON.parse((await page.locator("#map").getAttribute("data-dots")) ?? "[]") as Dot[];
  const mapColor = (name: string) =>
    page.evaluate((n) => getComputedStyle(document.querySelector("#map")!).getPropertyValue(n).trim(), name);
  const mapShot = async () => page.screenshot({ clip: (await page.locator("#map").boundingBox())! });

  it("should draw the world's land and borders and the events as dots at their places", async () => {
    await page.goto(`${explorer.url}/?view=map`);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 90_000 });
    await mapReady();
    await page.screenshot({ path: screenshotPath("map") });
    expect(await page.getByTestId("view-map").getAttribute("aria-pressed")).toBe("true");

    const shot = await mapShot();
    const box = (await page.locator("#map").boundingBox())!;
    const area = box.width * box.height;
    // A real map: a good share of sea and of land, borders between countries, and dots in the dot colour.
    const [sea, land, border, dot] = await Promise.all(
      ["--map-sea", "--map-land", "--map-border", "--map-dot"].map(mapColor),
    );
    expect(countColorPixels(shot, [sea!], 6)).toBeGreaterThan(area * 0.1);
    expect(countColorPixels(shot, [land!], 6)).toBeGreaterThan(area * 0.2);
    expect(countColorPixels(shot, [border!], 30)).toBeGreaterThan(500);
    expect(countColorPixels(shot, [dot!], 20)).toBeGreaterThan(150);

    const drawn = new Map((await dots()).map((d) => [d.id, d]));
    for (const place of ["tehran", "erbil", "kirkuk", "bashmagh"]) expect(drawn.has(place), place).toBe(true);
    // Tehran (most events) is the biggest dot, and lies east of Erbil and Kirkuk as on any map.
    expect(drawn.get("tehran")!.r).toBeGreaterThan(drawn.get("kirkuk")!.r);
    expect(drawn.get("tehran")!.x).toBeGreaterThan(drawn.get("erbil")!.x);
    expect(drawn.get("erbil")!.y).toBeLessThan(drawn.get("kirkuk")!.y);
  });

  it("should highlight the places of a selected person's meetings and dim the others", async () => {
    await page.goto(`${explorer.url}/?view=map&node=nechirvan-barzani`);
    await mapReady();
    await page.waitForFunction(() => document.querySelector<HTMLElement>("#map")?.dataset.highlighted !== "0");
    await page.screenshot({ path: screenshotPath("map-selected") });
    const lit = (await dots()).filter((d) => d.highlighted).map((d) => d.id);
    expect(lit.sort()).toEqual(["erbil", "tehran"]);

    const shot = await mapShot();
    const highlight = await mapColor("--map-highlight");
    expect(countColorPixels(shot, [highlight], 20)).toBeGreaterThan(100);
    // Kirkuk took no part in his meetings: its dot is faded, not in the full dot colour.
    const kirkuk = (await dots()).find((d) => d.id === "kirkuk")!;
    const box = (await page.locator("#map").boundingBox())!;
    const around = await page.screenshot({
      clip: { x: box.x + kirkuk.x - 2, y: box.y + kirkuk.y - 2, width: 4, height: 4 },
    });
    expect(countColorPixels(around, [await mapColor("--map-dot")], 12)).toBe(0);
  });

  it("should list a place's events with their evidence when its dot is clicked, keeping the map in the URL", async () => {
    // The map refits when the details panel narrows it: click where Tehran is drawn once it stops moving.
    let drawn = JSON.stringify(await dots());
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await dots());
          const still = now === drawn;
          drawn = now;
          return still;
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe(true);
    const tehran = (JSON.parse(drawn) as Dot[]).find((d) => d.id === "tehran")!;
    const box = (await page.locator("#map").boundingBox())!;
    await page.mouse.click(box.x + tehran.x, box.y + tehran.y);
    const details = page.getByTestId("details");
    await expect.poll(() => details.textContent(), { timeout: 30_000 }).toContain("Tehran");
    await details.getByTestId("event").first().waitFor({ timeout: 30_000 });
    expect(await details.getByTestId("event").count()).toBeGreaterThan(3);
    expect(await details.getByTestId("citation").count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search))), { timeout: 30_000 })
      .toMatchObject({ view: "map", node: "tehran" });
    expect(errors).toEqual([]);
  });
});
