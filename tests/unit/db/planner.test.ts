/**
 * When a write refreshes Neo4j's planner statistics: after a write that outgrows them in a database big enough for
 * a stale plan to hurt, and not after small writes, whose refresh would only make Neo4j compile every query again.
 */
import { describe, expect, it } from "vitest";
import { REPLAN_MIN_NODES, outdatesStatistics } from "../../../server/db/planner.js";

describe("outdatesStatistics", () => {
  it("should refresh after a 10k load into an empty or small database, and after 6% more in a big one", () => {
    expect(outdatesStatistics(10_000, 0)).toBe(true);
    expect(outdatesStatistics(10_000, 500)).toBe(true);
    expect(outdatesStatistics(60_000, 1_000_000)).toBe(true);
  });

  it("should keep the plans of a small database, and of a big one that grew by less than 5%", () => {
    expect(outdatesStatistics(120, 0)).toBe(false);
    expect(outdatesStatistics(REPLAN_MIN_NODES - 301, 300)).toBe(false);
    expect(outdatesStatistics(40_000, 1_000_000)).toBe(false);
    expect(outdatesStatistics(0, 0)).toBe(false);
  });

  it("should refresh once small writes add up past the floor with a large share of new rows", () => {
    expect(outdatesStatistics(900, 900)).toBe(true);
  });
});
