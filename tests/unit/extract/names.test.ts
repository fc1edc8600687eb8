// Name comparison tests: transliteration variants merge, people sharing a surname stay apart.
// Names are invented for the test.

import { describe, expect, it } from "vitest";
import { sameFullName, skeleton, slugify, surnameMatches } from "../../../extractor/names";

describe("extract #names", () => {
  it.each([
    ["Karim al-Dashti", "Kareem Al Dashti", true],
    ["Reza Nouri-Hamedani", "Reza Nourihamedani", true],
    ["Ahmad Jalil Sarraf", "Ahmad Sarraf", true],
    ["Yusuf Ghaderi", "Yousef Qaderi", true],
    ["Dara Shirzad", "Dilan Shirzad", false],
    ["Omar Haddad", "Omar Farouk", false],
  ])("should compare %s and %s as %s", (a, b, same) => {
    expect(sameFullName(a, b)).toBe(same);
  });

  it("should link a surname, also misspelled or joined", () => {
    expect(surnameMatches("Sarraf", "Ahmad Jalil Sarraf")).toBe(true);
    expect(surnameMatches("Sharraf", "Ahmad Sarraf")).toBe(true);
    expect(surnameMatches("Nourihamedani", "Reza Nouri Hamedani")).toBe(true);
    expect(surnameMatches("Haddad", "Omar Farouk")).toBe(false);
  });

  it("should build stable slugs", () => {
    expect(slugify("Karim al-Dashti’s")).toBe("karim-al-dashtis");
    expect(skeleton("ghaderi")).toBe(skeleton("qaderi"));
  });
});
