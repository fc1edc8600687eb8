/**
 * Synthetic dataset generator
 * ===========================
 *
 * The generator behind `npm run gen` and the benchmark: same seed, same file; valid import format; heavy-tailed
 * participation (a few hubs, many small actors).
 */
import { describe, expect, it } from "vitest";
import { validateImport } from "../../../server/modules/ingest/import.validate.js";
import { generateSynthetic, participationDegrees } from "../../bench/synthetic.js";

const OPTIONS = { actors: 3_000, events: 8_000, seed: 42 };

describe("synthetic #generateSynthetic", () => {
  it("should give the same file for the same seed", () => {
    expect(JSON.stringify(generateSynthetic(OPTIONS))).toBe(JSON.stringify(generateSynthetic(OPTIONS)));
  });

  it("should give another file for another seed", () => {
    expect(JSON.stringify(generateSynthetic({ ...OPTIONS, seed: 43 }))).not.toBe(
      JSON.stringify(generateSynthetic(OPTIONS)),
    );
  });

  it("should be valid against the import format", () => {
    const result = validateImport(generateSynthetic(OPTIONS));
    if (!result.ok) expect(result.errors.slice(0, 5)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("should make the asked number of events and about the asked number of actors", () => {
    const file = generateSynthetic(OPTIONS);
    const byType = new Map<string, number>();
    for (const n of file.nodes) byType.set(n.type, (byType.get(n.type) ?? 0) + 1);
    expect(byType.get("event")).toBe(OPTIONS.events);
    const actors = ["person", "government", "organization", "country"].reduce(
      (sum, t) => sum + (byType.get(t) ?? 0),
      0,
    );
    expect(actors).toBeGreaterThanOrEqual(OPTIONS.actors * 0.9);
    expect(actors).toBeLessThanOrEqual(OPTIONS.actors * 1.1);
    expect(byType.get("agreement")).toBeGreaterThan(0);
    expect(file.roles!.length).toBeGreaterThan(0);
  });

  it("should spread events over 25 years", () => {
    const years = new Set(
      generateSynthetic(OPTIONS)
        .nodes.filter((n) => n.type === "event")
        .map((n) => n.date!.slice(0, 4)),
    );
    expect(years.size).toBe(25);
  });

  it("should have a heavy-tailed participation degree", () => {
    const degrees = [...participationDegrees(generateSynthetic(OPTIONS)).values()].sort((a, b) => b - a);
    const total = degrees.reduce((a, b) => a + b, 0);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    const top1 = degrees.slice(0, Math.ceil(degrees.length / 100)).reduce((a, b) => a + b, 0);
    // A few hubs: the busiest actor takes part far more often than the typical one, and the top 1 % of actors
    // hold a large share of all participations (a uniform draw would give them about 1 %).
    expect(degrees[0]!).toBeGreaterThan(20 * median);
    expect(top1 / total).toBeGreaterThan(0.1);
  });
});
