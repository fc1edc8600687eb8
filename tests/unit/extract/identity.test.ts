// Identity and end-to-end tests: one actor per person across articles, namesakes apart, contract fields present.
// Articles are synthetic, written for these tests.

import { describe, expect, it } from "vitest";
import { extractArticles } from "../../../extractor/extract";

const A =
  "source: test\ndate: 2022-04-06\n\nAMMAN – Jordan's Foreign Minister Karim al-Dashti met Dara Shirzad on Wednesday. Shirzad thanked him.";
const B = "date: unknown\n\nKareem Al Dashti held talks with Dilan Shirzad. Dashti said the talks went well.";

describe("extract #identity", () => {
  const result = extractArticles([
    { file: "a/one.txt", text: A },
    { file: "b/two.txt", text: B },
  ]);

  it("should merge spelling variants across articles and keep namesakes apart", () => {
    const persons = result.actors.filter((x) => x.kind === "person");
    expect(persons.map((p) => p.id).sort()).toEqual(["dara-shirzad", "dilan-shirzad", "karim-al-dashti"]);
    const karim = persons.find((p) => p.id === "karim-al-dashti")!;
    expect(new Set(karim.mentions.map((m) => m.article))).toEqual(new Set(["one", "two"]));
  });

  it("should give offsets into the file text", () => {
    for (const actor of result.actors) {
      for (const m of actor.mentions) {
        const text = m.article === "one" ? A : B;
        expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    }
    for (const e of result.events)
      for (const ev of e.evidence) expect((ev.article === "one" ? A : B).slice(ev.start, ev.end)).toBe(ev.quote);
  });

  it("should fill every contract field, null when unknown", () => {
    expect(result.articles[1]).toMatchObject({ id: "two", file: "b/two.txt", date: null, source: null });
    expect(result.articles[0]).toMatchObject({ date: "2022-04-06", source: "test" });
    const [e1, e2] = result.events;
    expect(e1).toMatchObject({
      article: "one",
      date: "2022-04-06",
      kind: "meeting",
      participants: ["karim-al-dashti", "dara-shirzad"],
    });
    expect(e2).toMatchObject({ article: "two", date: null, kind: "talks" });
    for (const e of result.events)
      for (const k of ["id", "kind", "article", "date", "place", "participants", "topics", "evidence"])
        expect(e).toHaveProperty(k);
    expect(result.roles[0]).toMatchObject({
      actor: "karim-al-dashti",
      title: "Jordan's Foreign Minister",
      of: "jordan",
    });
    for (const k of ["otherEvents", "agreements", "topics", "suggestions"])
      expect(Array.isArray((result as unknown as Record<string, unknown>)[k])).toBe(true);
  });
});
