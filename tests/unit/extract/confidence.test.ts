// Confidence tests: evidence cues, thresholds, and what a split leaves consistent.
// Every sentence is written for the test (officials and places of several regions, invented names).

import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONFIDENCE_THRESHOLD,
  markDoubtful,
  personConfidence,
  splitByConfidence,
  type PersonEvidence,
} from "../../../extractor/confidence";
import { extractArticles } from "../../../extractor/extract";
import type { ExtractionResult } from "../../../extractor/types";

const plain: PersonEvidence = {
  titled: null,
  honorific: false,
  bodyMentions: 1,
  fullName: true,
  actsAsPerson: false,
  commonWordShare: 0,
  endsInCommonWord: false,
  locativeOnly: false,
  neverNameWord: false,
  placeWord: false,
  headlineOnly: false,
};

function extract(body: string) {
  return extractArticles([{ file: "note.txt", text: `date: 2026-03-04\n\n${body}` }]);
}

const personNamed = (r: ExtractionResult, name: string) => r.actors.find((a) => a.kind === "person" && a.name === name);

describe("confidence #persons", () => {
  it("should rise with a title, an honorific, more mentions and a verb of speech or meeting", () => {
    const base = personConfidence(plain);
    expect(personConfidence({ ...plain, titled: "before" })).toBeGreaterThan(base);
    expect(personConfidence({ ...plain, honorific: true })).toBeGreaterThan(base);
    expect(personConfidence({ ...plain, bodyMentions: 3 })).toBeGreaterThan(base);
    expect(personConfidence({ ...plain, actsAsPerson: true })).toBeGreaterThan(base);
  });

  it("should fall for common words, place words, closed-class words and lone single names", () => {
    const base = personConfidence(plain);
    expect(personConfidence({ ...plain, commonWordShare: 1, endsInCommonWord: true })).toBeLessThan(
      DEFAULT_CONFIDENCE_THRESHOLD,
    );
    expect(personConfidence({ ...plain, placeWord: true })).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
    expect(personConfidence({ ...plain, neverNameWord: true })).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
    expect(personConfidence({ ...plain, fullName: false })).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
    expect(personConfidence({ ...plain, locativeOnly: true })).toBeLessThan(base);
    for (const e of [plain, { ...plain, titled: "before" as const, bodyMentions: 9, actsAsPerson: true }]) {
      const c = personConfidence(e);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it("should be sure of titled officials of several regions and doubt capitalised phrases", () => {
    const r = extract(
      "Ghana's Foreign Minister Ama Owusu-Ansah met Chile's Foreign Minister Ignacio Valdés in Accra on Tuesday. " +
        "Vietnam's Deputy Prime Minister Tran Van Hoa said the two sides would cooperate. " +
        "Officials from Peace Building joined the talks, and Owusu-Ansah thanked Bright Horizons for the invitation.",
    );
    for (const name of ["Ama Owusu-Ansah", "Ignacio Valdés", "Tran Van Hoa"])
      expect(personNamed(r, name)?.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
    for (const name of ["Peace Building", "Bright Horizons"]) {
      const phrase = personNamed(r, name);
      if (phrase) expect(phrase.confidence).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
    }
  });

  it("should give every actor, role, event and participant a confidence in 0..1", () => {
    const r = extract(
      "Indonesia's President Sri Wahyuni received Kenya's Trade Minister Daniel Otieno in Jakarta on Monday. " +
        "Wahyuni said the talks were useful.",
    );
    const all = [...r.actors, ...r.roles, ...r.events, ...r.otherEvents].map((x) => x.confidence);
    expect(all.length).toBeGreaterThan(3);
    for (const c of all) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    for (const e of r.events) expect(e.participantConfidence).toHaveLength(e.participants.length);
  });
});

function handMade(): ExtractionResult {
  const actor = (id: string, confidence: number) => ({
    id,
    name: id,
    kind: "person" as const,
    aliases: [],
    mentions: [{ article: "a1", start: 0, end: 1, text: id }],
    confidence,
  });
  const evidence = [{ article: "a1", start: 0, end: 10, quote: "A met B." }];
  return {
    articles: [{ id: "a1", file: "a1.txt", title: null, date: null, source: null, url: null, dateline: null }],
    actors: [actor("sure-a", 0.9), actor("sure-b", 0.8), actor("phrase", 0.1)],
    roles: [
      {
        actor: "sure-a",
        title: "Minister",
        of: null,
        article: "a1",
        alternatives: [],
        evidence: null,
        confidence: 0.9,
      },
      {
        actor: "phrase",
        title: "Minister",
        of: null,
        article: "a1",
        alternatives: [],
        evidence: null,
        confidence: 0.1,
      },
    ],
    events: [
      {
        id: "e1",
        kind: "meeting",
        article: "a1",
        date: null,
        datePrecision: null,
        dateText: null,
        place: null,
        participants: ["sure-a", "sure-b", "phrase"],
        participantRoles: [
          { actor: "sure-a", role: "host" },
          { actor: "sure-b", role: "guest" },
          { actor: "phrase", role: "guest" },
        ],
        topics: [],
        evidence,
        participantConfidence: [0.9, 0.8, 0.1],
        confidence: 0.8,
      },
      {
        id: "e2",
        kind: "meeting",
        article: "a1",
        date: null,
        datePrecision: null,
        dateText: null,
        place: null,
        participants: ["sure-a", "phrase"],
        participantRoles: [],
        topics: [],
        evidence,
        participantConfidence: [0.9, 0.1],
        confidence: 0.1,
      },
    ],
    otherEvents: [],
    agreements: [],
    topics: [],
    suggestions: [],
  };
}

describe("confidence #threshold", () => {
  it("should drop a doubtful actor with its roles and its places in events, keeping the rest consistent", () => {
    const { kept, doubtful } = splitByConfidence(handMade(), 0.5);
    expect(kept.actors.map((a) => a.id)).toEqual(["sure-a", "sure-b"]);
    expect(kept.roles.map((r) => r.actor)).toEqual(["sure-a"]);
    expect(kept.events.map((e) => e.id)).toEqual(["e1"]);
    expect(kept.events[0].participants).toEqual(["sure-a", "sure-b"]);
    expect(kept.events[0].participantConfidence).toEqual([0.9, 0.8]);
    expect(kept.events[0].participantRoles.map((r) => r.actor)).toEqual(["sure-a", "sure-b"]);
    const ids = new Set(kept.actors.map((a) => a.id));
    for (const e of kept.events) for (const p of e.participants) expect(ids.has(p)).toBe(true);
    expect(doubtful.actors.map((a) => a.id)).toEqual(["phrase"]);
    expect(doubtful.events.map((e) => e.id)).toEqual(["e1", "e2"]);
  });

  it("should leave an event with fewer than two sure participants out", () => {
    const { kept } = splitByConfidence(handMade(), 0.85);
    expect(kept.actors.map((a) => a.id)).toEqual(["sure-a"]);
    expect(kept.events).toHaveLength(0);
  });

  it("should keep everything at threshold 0 and mark doubtful items with --all", () => {
    expect(splitByConfidence(handMade(), 0).kept.actors).toHaveLength(3);
    const marked = markDoubtful(handMade(), 0.5);
    expect(marked.actors.filter((a) => a.doubtful).map((a) => a.id)).toEqual(["phrase"]);
    expect(marked.roles.filter((r) => r.doubtful)).toHaveLength(1);
    // e1 keeps two sure participants: it stays sure, its doubtful one shows in participantConfidence.
    expect(marked.events.filter((e) => e.doubtful).map((e) => e.id)).toEqual(["e2"]);
    expect(marked.actors.find((a) => a.id === "sure-a")?.doubtful).toBeUndefined();
  });
});
