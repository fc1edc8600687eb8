// Evaluation tests: precision/recall/F1, pairs, title matching and B-cubed identity on a tiny synthetic gold.
// Gold and articles are invented for the test.

import { describe, expect, it } from "vitest";
import { scoreExtraction, titlesMatch, type GoldFile } from "../../../extractor/eval/score";
import { extractArticles } from "../../../extractor/extract";

describe("eval #score", () => {
  it("should match titles loosely but not different offices", () => {
    expect(titlesMatch("Director of the Planning Office (PO)", "Director of Planning Office")).toBe(true);
    expect(titlesMatch("Minister", "Jordanian Foreign Minister")).toBe(true);
    expect(titlesMatch("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs")).toBe(true);
    expect(titlesMatch("Prime Minister", "President")).toBe(false);
    expect(titlesMatch("Trade Adviser", "Foreign Minister")).toBe(false);
  });

  it("should score a perfect extraction as 1 and count a missed person", () => {
    const text =
      "date: 2022-04-06\n\nJordan's Foreign Minister Karim al-Dashti met Trade Adviser Omar Haddad on Wednesday.";
    const result = extractArticles([{ file: "x1.txt", text }]);
    const gold: GoldFile = {
      articles: {
        x1: {
          persons: ["Karim Dashti", "Omar Haddad", "Nadia Farsi"],
          meetings: [{ participants: ["Karim Dashti", "Omar Haddad"], date: "2022-04-06", place: null }],
          roles: [
            ["Karim Dashti", "Jordan's Foreign Minister"],
            ["Omar Haddad", "Trade Adviser"],
          ],
        },
      },
    };
    const s = scoreExtraction(result, gold);
    expect(s.persons).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(s.pairs.f1).toBe(1);
    expect(s.roles.f1).toBe(1);
    expect(s.dates.accuracy).toBe(1);
    expect(s.identity.precision).toBe(1);
  });
});
