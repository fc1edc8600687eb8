// Date tests: weekdays resolve to the latest such day on or before publication; absolute dates parse.
// Sentences are synthetic.

import { describe, expect, it } from "vitest";
import { findDates, latestWeekday } from "../../../extractor/dates";
import { tokenize } from "../../../extractor/tokens";

function dates(text: string, pub: string | null) {
  return findDates(text, tokenize(text), pub);
}

describe("extract #dates", () => {
  it("should resolve a weekday backwards, the publication day included", () => {
    expect(latestWeekday("2024-05-15", 3)).toBe("2024-05-15"); // a Wednesday
    expect(latestWeekday("2024-05-15", 4)).toBe("2024-05-09");
  });

  it("should find weekday, absolute and month dates", () => {
    const ds = dates("The envoys met on early Monday after talks on March 2, 2023 and in June 2022.", "2023-03-08");
    expect(ds.map((d) => [d.text, d.iso, d.approx, d.precision])).toEqual([
      ["early Monday", "2023-03-06", "2023-03-06", "day"],
      ["March 2, 2023", "2023-03-02", "2023-03-02", "day"],
      ["June 2022", null, "2022-06", "month"],
    ]);
  });

  it("should resolve weekdays after clock times, 'last' and 'next' weekdays, and skip weekdays inside names", () => {
    const pub = "2024-05-14"; // a Tuesday
    const day = (text: string) => dates(text, pub).map((d) => [d.text, d.iso]);
    expect(day("They met at 10:00 on Tuesday.")).toEqual([["Tuesday", "2024-05-14"]]);
    expect(day("The talks began at 11.10am on Wednesday.")).toEqual([["Wednesday", "2024-05-08"]]);
    expect(day("They met last Tuesday.")).toEqual([["last Tuesday", "2024-05-07"]]);
    expect(day("They spoke last Friday.")).toEqual([["last Friday", "2024-05-10"]]);
    expect(day("They will meet next Monday.")).toEqual([["next Monday", "2024-05-20"]]);
    expect(day("A Sunday Times report said so.")).toEqual([]);
  });

  it("should keep relative dates unresolved without a publication date", () => {
    const [d] = dates("They spoke on Friday.", null);
    expect(d.iso).toBeNull();
    expect(d.precision).toBeNull();
  });

  it("should mark 'later in the day' and resolve 'yesterday' and day-month", () => {
    const ds = dates("Later in the day, he left; yesterday he came; on 4 July he signed.", "2020-07-10");
    expect(ds[0].sameDay).toBe(true);
    expect(ds[1].iso).toBe("2020-07-09");
    expect(ds[2].iso).toBe("2020-07-04");
  });
});
