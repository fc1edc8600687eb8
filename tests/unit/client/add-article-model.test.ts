/**
 * Add-article model: grouping an extracted document for review, and dropping items while keeping it valid.
 * The sample document is synthetic (invented officials and countries), written for this test.
 */
import { describe, expect, it } from "vitest";
import {
  documentCounts,
  extractedItems,
  oversizeMessage,
  roleKey,
  withoutDropped,
} from "../../../client/src/features/add-article/add-article-model.js";
import { passageAround } from "../../../client/src/review/passage.js";
import { validateImport } from "../../../server/modules/ingest/import.validate.js";
import type { ImportFileInput } from "../../../contracts/import-format.js";

const TEXT = "Velorian envoy Ana Brisk met Ostrelian minister Tomas Hale in Vienna on Monday to discuss trade.";
const cite = (start: number, end: number) => [{ article: "art-t", start, end, by: "extractor:test" }];

function sample(): ImportFileInput {
  return {
    format: "parley-import",
    version: 1,
    articles: [{ id: "art-t", title: "t.txt", text: TEXT }],
    nodes: [
      { id: "ana-brisk", mode: "extend", type: "person", name: "Ana Brisk", evidence: cite(15, 24) },
      { id: "tomas-hale", mode: "extend", type: "person", name: "Tomas Hale", evidence: cite(49, 59) },
      { id: "ostrelia", mode: "extend", type: "country", name: "Ostrelia" },
      { id: "vienna", mode: "extend", type: "place", kind: "city", name: "Vienna" },
      { id: "topic-trade", mode: "extend", type: "topic", name: "trade" },
      {
        id: "evt-1",
        type: "event",
        kind: "meeting",
        name: "Meeting: Ana Brisk, Tomas Hale",
        date: "2024-03-04",
        place: "vienna",
        topics: ["topic-trade"],
        participants: [{ actor: "ana-brisk" }, { actor: "tomas-hale" }],
        evidence: cite(0, TEXT.length),
      },
    ],
    roles: [{ person: "tomas-hale", title: "minister", of: "ostrelia", evidence: cite(30, 59) }],
    suggestions: [
      { kind: "possible-same-person", text: "Brisk", candidates: ["ana-brisk", "tomas-hale"], chosen: "ana-brisk" },
    ],
  };
}

describe("client #add-article-model", () => {
  it("should group people, organisations, places, meetings and roles, quoting the evidence", () => {
    const items = extractedItems(sample());
    expect(items.map((i) => `${i.group}:${i.key}`)).toEqual([
      "people:ana-brisk",
      "people:tomas-hale",
      "organisations:ostrelia",
      "places:vienna",
      "meetings:evt-1",
      `roles:${roleKey(0)}`,
    ]);
    const meeting = items.find((i) => i.key === "evt-1")!;
    expect(meeting.label).toBe("Ana Brisk, Tomas Hale");
    expect(meeting.detail).toContain("2024-03-04");
    expect(meeting.quote).toBe(TEXT);
  });

  it("should drop an actor from events, roles and suggestions and keep the document valid", () => {
    const doc = withoutDropped(sample(), new Set(["tomas-hale"]));
    const event = doc.nodes!.find((n) => n.id === "evt-1")!;
    expect(event.participants).toEqual([{ actor: "ana-brisk" }]);
    expect(event.name).toBe("Meeting: Ana Brisk");
    expect(doc.roles).toEqual([]);
    expect(doc.suggestions).toBeUndefined();
    expect(validateImport(doc).ok).toBe(true);
  });

  it("should keep a low-confidence item for the review queue whatever is dropped", () => {
    const doc = sample();
    doc.suggestions!.push({ kind: "low-confidence", text: "Harbour Crescent", candidates: [] });
    const saved = withoutDropped(doc, new Set(["tomas-hale"]));
    expect(saved.suggestions?.map((s) => s.kind)).toEqual(["low-confidence"]);
    expect(validateImport(saved).ok).toBe(true);
  });

  it("should drop an event left without participants, and topics no event uses any more", () => {
    const doc = withoutDropped(sample(), new Set(["ana-brisk", "tomas-hale"]));
    expect(doc.nodes!.map((n) => n.id)).toEqual(["ostrelia", "vienna"]);
    expect(validateImport(doc).ok).toBe(true);
    expect(documentCounts(doc)).toEqual({ actors: 1, meetings: 0 });
  });

  it("should drop a place from the events held there, and a role by its key", () => {
    const doc = withoutDropped(sample(), new Set(["vienna", roleKey(0)]));
    expect(doc.nodes!.find((n) => n.id === "evt-1")!.place).toBeUndefined();
    expect(doc.roles).toEqual([]);
    expect(validateImport(doc).ok).toBe(true);
    expect(documentCounts(doc)).toEqual({ actors: 3, meetings: 1 });
  });

  it("should not modify the document it is given", () => {
    const doc = sample();
    const before = JSON.stringify(doc);
    withoutDropped(doc, new Set(["ana-brisk", "vienna"]));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("should cut the sentence around a mention, with the sentence before it", () => {
    const text = "Zero. First sentence here. Then Brisk spoke in Vienna. Last one.";
    const start = text.indexOf("Brisk");
    const p = passageAround(text, start, start + 5);
    expect([p.before, p.mention, p.after]).toEqual(["First sentence here. Then ", "Brisk", " spoke in Vienna."]);
    expect(passageAround(text, 0, 4).before).toBe("");
    const initials = "Zero. Then T. Morcant met Dr. Hale. Morcant spoke.";
    const at = initials.lastIndexOf("Morcant");
    expect(passageAround(initials, at, at + 7).before).toBe("Then T. Morcant met Dr. Hale. ");
  });
});

describe("client #add-article oversize", () => {
  const LIMIT = 2_000_000;
  it("should let a text within the limit through, counting bytes, not characters", () => {
    expect(oversizeMessage("a".repeat(LIMIT), LIMIT)).toBeNull();
    // 700,000 two-byte letters are 1.4 MB: within.
    expect(oversizeMessage("é".repeat(700_000), LIMIT)).toBeNull();
  });

  it("should refuse a longer text with one message that says its size and the limit once", () => {
    const message = oversizeMessage("a".repeat(6_000_000), LIMIT)!;
    expect(message).toBe(
      "This text is 6 MB; an article is at most 2 MB. Paste a shorter part, or split it into .txt files.",
    );
    expect(message.match(/at most/g)).toHaveLength(1);
    // 1.1 million two-byte letters are 2.2 MB, over the limit though under it in characters.
    expect(oversizeMessage("é".repeat(1_100_000), LIMIT)).toMatch(/^This text is 2\.2 MB;/);
  });
});
