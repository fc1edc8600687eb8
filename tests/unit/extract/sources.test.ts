// Sources-as-actors tests: news agencies, newspapers and their publishers report the news; they are no actors.
// Every article here is written for these tests.

import { describe, expect, it } from "vitest";
import { extractArticles } from "../../../extractor/extract";
import { isMediaName } from "../../../extractor/gazetteer";

function organisations(text: string): string[] {
  const out = extractArticles([{ file: "a1.txt", text }]);
  return out.actors.filter((a) => a.kind === "organization" || a.kind === "government").map((a) => a.name);
}

describe("extract #sources", () => {
  it("should recognise agencies, newspapers, broadcasters and publishers by name or head word", () => {
    for (const name of [
      "Reuters",
      "Xinhua",
      "Prensa Latina",
      "the Lagos Daily Tribune",
      "Andes News Agency",
      "Nairobi Broadcasting Corporation",
      "Gulf Research and Media Group",
      "Seoul Economic Times",
    ])
      expect(isMediaName(name), name).toBe(true);
    for (const name of ["National Security Council", "Ministry of Foreign Affairs", "African Union"])
      expect(isMediaName(name), name).toBe(false);
  });

  it("should not make a reporting agency or a quoted newspaper an organisation of the network", () => {
    const orgs = organisations(
      "date: 2024-05-02\n\nDAKAR (Andes News Agency) – President Awa Ndiaye met the head of the Sahel Development Council on Monday, the Lagos Daily Tribune reported, citing the Gulf Research and Media Group.",
    );
    expect(orgs).toContain("Sahel Development Council");
    expect(orgs.some((o) => /News Agency|Tribune|Media Group/.test(o))).toBe(false);
  });

  it("should keep a news organisation that the story is about", () => {
    const orgs = organisations(
      "date: 2024-05-02\n\nMinister meets Andes News Agency staff\n\nInformation Minister Rosa Quispe visited the Andes News Agency in Lima on Monday.",
    );
    expect(orgs).toContain("Andes News Agency");
  });

  it("should not take a plural common noun before a capitalised word for a name", () => {
    const out = extractArticles([
      { file: "a2.txt", text: "date: 2024-05-02\n\nThe photo was distributed by Global Images Asia on Monday." },
    ]);
    expect(out.actors.filter((a) => a.kind === "person")).toHaveLength(0);
  });
});
