// Lone surnames: which words of an article name someone by surname alone, for the graph look-up that sends the
// "which of these is meant?" question to /review. Sentences written for the test.

import { describe, expect, it } from "vitest";
import { extractArticles } from "../../../extractor/extract";
import { loneSurnames } from "../../../server/modules/ingest/extraction.surnames";

function lone(body: string): string[] {
  const text = `date: 2026-03-04\n\n${body}`;
  const extraction = extractArticles([{ file: "a.txt", text }]);
  return loneSurnames(extraction, new Map([[extraction.articles[0].id, text]])).map((s) => s.surname);
}

describe("ingest #lone surnames", () => {
  it("should find a surname used alone as the subject of a person verb or after a title", () => {
    expect(lone("On Monday the talks ended early, and Mensah said the two sides would meet again.")).toContain(
      "Mensah",
    );
    expect(lone("The delegation was received by President Okafor in Abuja on Monday.")).toContain("Okafor");
  });

  it("should not ask about the surname of someone the article names in full", () => {
    expect(
      lone(
        "Ghana's Foreign Minister Ama Owusu-Ansah met her counterpart on Monday. Later, Owusu-Ansah said it went well.",
      ),
    ).not.toContain("Owusu-Ansah");
  });

  it("should give each surname once per article, with its offsets in the text", () => {
    const text = "date: 2026-03-04\n\nOn Monday, Mensah said yes. On Tuesday, Mensah said no.";
    const extraction = extractArticles([{ file: "a.txt", text }]);
    const found = loneSurnames(extraction, new Map([[extraction.articles[0].id, text]]));
    expect(found.filter((s) => s.surname === "Mensah")).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].end)).toBe("Mensah");
  });
});
