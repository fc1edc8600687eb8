/**
 * The rule that joins reports of one meeting (server/modules/ingest/import.reports.ts): which dates, places and kinds
 * may be one meeting's, and the reasons it gives. Table-driven; the dates are invented.
 */
import { describe, expect, it } from "vitest";
import {
  dateInWords,
  dateReason,
  dateWindow,
  kindFamily,
  placeReason,
} from "../../../server/modules/ingest/import.reports.js";

const window = (date: string | null, published: string | null = null) =>
  dateWindow(
    date,
    date === null ? null : date.length === 10 ? "day" : date.length === 7 ? "month" : "year",
    published,
  )!;

describe("import.reports #date window", () => {
  const cases: { report: [string | null, string | null]; event: [string | null, string | null]; same: boolean }[] = [
    { report: ["2025-03-04", null], event: ["2025-03-04", null], same: true },
    { report: ["2025-03-03", null], event: ["2025-03-04", null], same: true },
    { report: ["2025-03-05", null], event: ["2025-03-03", null], same: false },
    { report: ["2025-03-04", null], event: ["2025-04-04", null], same: false },
    { report: ["2025-03", null], event: ["2025-03-31", null], same: true },
    { report: ["2025-03", null], event: ["2025-04-01", null], same: false },
    { report: ["2025", null], event: ["2025-11-20", null], same: true },
    // Undated: the week before the article appeared.
    { report: [null, "2025-03-05"], event: ["2025-03-04", null], same: true },
    { report: [null, "2025-03-05"], event: ["2025-02-26", null], same: true },
    { report: [null, "2025-03-05"], event: ["2025-02-25", null], same: false },
    { report: [null, "2025-03-05"], event: ["2025-03-06", null], same: false },
  ];
  it.each(cases)("should judge $report against $event as the same meeting: $same", ({ report, event, same }) => {
    const reason = dateReason(window(...report), window(...event));
    expect(reason !== null).toBe(same);
  });

  it("should have no window for a report without a date or a publication date", () => {
    expect(dateWindow(null, null, null)).toBeNull();
  });

  it("should say why in words", () => {
    expect(dateReason(window("2025-03-03"), window("2025-03-04"))).toBe(
      "3 March 2025 and 4 March 2025 are a day apart (day-precise dates allow ±1 day)",
    );
    expect(dateReason(window("2025-03-04"), window("2025-03-04"))).toBe("the same day, 4 March 2025");
    expect(dateReason(window(null, "2025-03-05"), window("2025-03-04"))).toBe(
      "undated (published 5 March 2025) falls within 4 March 2025 (day)",
    );
    expect(dateInWords("2025-03")).toBe("March 2025");
  });
});

describe("import.reports #place and kind", () => {
  it("should accept the same place or none, and refuse two different places", () => {
    expect(placeReason("geneva", "geneva")).toMatch(/same place/);
    expect(placeReason(null, "geneva")).toMatch(/names no place/);
    expect(placeReason("geneva", null)).toMatch(/named no place/);
    expect(placeReason("geneva", "oslo")).toBeNull();
  });

  it("should keep phone calls apart from meetings and let talks and meetings be one", () => {
    expect(kindFamily("phone_call")).toEqual(["phone_call"]);
    expect(kindFamily("talks")).toEqual(kindFamily("meeting"));
    expect(kindFamily("meeting")).not.toContain("phone_call");
  });
});
