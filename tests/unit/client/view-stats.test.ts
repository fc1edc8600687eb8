/**
 * Client view statistics: the disc maths behind `viewStats().overlap`.
 */
import { describe, expect, it } from "vitest";
import { type Disc, discIntersectionArea, mostlyCovered, overlapShare } from "../../../client/src/sigma/view-stats.js";

describe("client #view-stats", () => {
  it("should measure the area two discs share: none apart, the small one inside, a lens between", () => {
    const unit = Math.PI;
    expect(discIntersectionArea({ x: 0, y: 0, r: 1 }, { x: 3, y: 0, r: 1 })).toBe(0);
    expect(discIntersectionArea({ x: 0, y: 0, r: 1 }, { x: 2, y: 0, r: 1 })).toBe(0);
    expect(discIntersectionArea({ x: 0, y: 0, r: 1 }, { x: 0.5, y: 0, r: 5 })).toBeCloseTo(unit, 10);
    expect(discIntersectionArea({ x: 0, y: 0, r: 1 }, { x: 0, y: 0, r: 1 })).toBeCloseTo(unit, 10);
    // Two unit discs one radius apart share 2π/3 − √3/2 (the classic lens).
    const lens = (2 * Math.PI) / 3 - Math.sqrt(3) / 2;
    expect(discIntersectionArea({ x: 0, y: 0, r: 1 }, { x: 1, y: 0, r: 1 })).toBeCloseTo(lens, 10);
    expect(discIntersectionArea({ x: 1, y: 0, r: 1 }, { x: 0, y: 0, r: 1 })).toBeCloseTo(lens, 10);
  });

  it("should call a disc covered only when more than half of it lies under one other disc", () => {
    const small: Disc = { x: 0, y: 0, r: 1 };
    expect(mostlyCovered(small, { x: 0, y: 0, r: 10 })).toBe(true);
    expect(mostlyCovered({ x: 0, y: 0, r: 10 }, small)).toBe(false);
    // Equal discs one radius apart share 39% of each: not covered; a quarter radius apart, 84%: covered.
    expect(mostlyCovered(small, { x: 1, y: 0, r: 1 })).toBe(false);
    expect(mostlyCovered(small, { x: 0.25, y: 0, r: 1 })).toBe(true);
  });

  it("should count the share of covered discs, comparing each with every disc near it", () => {
    expect(overlapShare([])).toBe(0);
    expect(overlapShare([{ x: 0, y: 0, r: 5 }])).toBe(0);
    // A row of 20 separate discs, then one big disc laid over the first four.
    const row: Disc[] = Array.from({ length: 20 }, (_, i) => ({ x: i * 30, y: 0, r: 5 }));
    expect(overlapShare(row)).toBe(0);
    const withBlob = [...row, { x: 45, y: 0, r: 60 }];
    expect(overlapShare(withBlob)).toBeCloseTo(4 / 21, 10);
    // A grid-cell boundary between two discs does not hide their overlap.
    expect(overlapShare([...row, { x: 19.5, y: 0.5, r: 5 }, { x: 20.5, y: -0.5, r: 5 }])).toBeCloseTo(2 / 22, 10);
  });
});
