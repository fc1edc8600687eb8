// Extraction → import tests: an extracted topic meets the graph's topic of the same name, not a lower-case twin.
// The article is written for this test.

import { describe, expect, it } from "vitest";
import { articlesToImport } from "../../../server/modules/ingest/extraction.import";

describe("ingest #extraction-topics", () => {
  it("should give an extracted topic the graph's id for that topic, once", () => {
    const { extraction, document } = articlesToImport([
      {
        file: "a1.txt",
        text: "date: 2024-05-02\n\nPresident Awa Ndiaye met Prime Minister Tomas Ugarte in Dakar on Monday to discuss trade and customs.",
      },
    ]);
    expect(extraction.topics.map((t) => t.id)).toContain("topic-trade");
    const topics = (document.nodes ?? []).filter((n) => n.type === "topic").map((n) => n.id);
    expect(topics).toContain("topic-trade");
    expect(topics.some((id) => id.startsWith("topic-topic-"))).toBe(false);
  });
});
