/**
 * When a write refreshes Neo4j's planner statistics: once the database has doubled since its statistics were taken,
 * in a database big enough for a stale plan to hurt; not after small writes, whose refresh would only make Neo4j
 * compile every query again.
 */
import { describe, expect, it } from "vitest";
import { REPLAN_MIN_NODES, outdatesStatistics } from "../../../server/db/planner.js";

describe("outdatesStatistics", () => {
  it("should refresh after a 10k load into an empty or small database, and when a big one has doubled", () => {
    expect(outdatesStatistics(10_000, 0)).toBe(true);
    expect(outdatesStatistics(10_500, 500)).toBe(true);
    expect(outdatesStatistics(2_000_000, 1_000_000)).toBe(true);
  });

  it("should keep the plans of a small database, and of a big one that grew by less than its size", () => {
    expect(outdatesStatistics(120, 0)).toBe(false);
    expect(outdatesStatistics(REPLAN_MIN_NODES - 1, 300)).toBe(false);
    expect(outdatesStatistics(1_060_000, 1_000_000)).toBe(false);
    expect(outdatesStatistics(0, 0)).toBe(false);
  });

  it("should refresh once small writes add up to twice the size the statistics describe", () => {
    // A feed ingested 25 articles at a time: about 150 nodes a group.
    let basis = 0;
    const refreshedAt: number[] = [];
    for (let nodes = 150; nodes <= 6_000; nodes += 150)
      if (outdatesStatistics(nodes, basis)) {
        refreshedAt.push(nodes);
        basis = nodes;
      }
    expect(refreshedAt).toEqual([1_050, 2_100, 4_200]);
  });
});
