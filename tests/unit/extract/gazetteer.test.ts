// Gazetteer tests: the world country and city data load once and answer look-ups the rules rely on.
// Samples are general knowledge (countries, demonyms, capitals), not names taken from the corpus.

import { describe, expect, it } from "vitest";
import {
  COUNTRY_BY_SURFACE,
  DEMONYMS,
  WordList,
  countryOf,
  isGazetteerWord,
  worldCity,
} from "../../../extractor/gazetteer";

describe("extract #gazetteer", () => {
  it("should know countries of every region with their official names and alternative spellings", () => {
    for (const [surface, country] of [
      ["uruguay", "Uruguay"],
      ["republic of senegal", "Senegal"],
      ["timor-leste", "Timor-Leste"],
      ["timor leste", "Timor-Leste"],
      ["east timor", "Timor-Leste"],
      ["kingdom of cambodia", "Cambodia"],
      ["iran", "Iran"],
    ])
      expect(COUNTRY_BY_SURFACE.get(surface), surface).toBe(country);
  });

  it("should keep the hand table's canonical name when the world data spells a country differently", () => {
    expect(countryOf("Türkiye")).toBe("Turkey");
    expect(countryOf("United States of America")).toBe("United States");
  });

  it("should map demonyms and their plurals to their countries", () => {
    expect(DEMONYMS.get("mongolian")).toBe("Mongolia");
    expect(DEMONYMS.get("senegalese")).toBe("Senegal");
    expect(DEMONYMS.get("paraguayans")).toBe("Paraguay");
    expect(isGazetteerWord("Malagasy")).toBe(true);
  });

  it("should know capitals and large cities for whole-name look-ups only", () => {
    expect(worldCity("montevideo")).toBe("Montevideo");
    expect(worldCity("dakar")).toBe("Dakar");
    expect(worldCity("ulan bator")).toBe("Ulan Bator");
    // A city name that is also a given name is no gazetteer word on its own.
    expect(isGazetteerWord("Victoria")).toBe(false);
  });

  it("should find exactly the words of a list, reading it once on first use", () => {
    let reads = 0;
    const list = new WordList(() => {
      reads++;
      return ["mango", "Apple", "kiwi", "banana", "kiwi", "zucchini"];
    });
    expect(reads).toBe(0);
    for (const w of ["mango", "Apple", "kiwi", "banana", "zucchini"]) expect(list.has(w), w).toBe(true);
    for (const w of ["apple", "kiw", "kiwis", "", "Zucchini", "aardvark", "zzz"]) expect(list.has(w), w).toBe(false);
    expect(reads).toBe(1);
  });
});
