// Tokenizer and sentence splitter tests on synthetic sentences.
// Abbreviations, initials and possessives must not break sentences or names.

import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../extractor/sentences";
import { tokenize } from "../../../extractor/tokens";

describe("extract #tokens", () => {
  it("should keep possessives and al- particles in one token", () => {
    const toks = tokenize("Karim al-Dashti's aide met Dr. Verhaal.");
    expect(toks.map((t) => t.text)).toEqual(["Karim", "al-Dashti's", "aide", "met", "Dr", ".", "Verhaal", "."]);
    const poss = toks[1];
    expect(poss.poss).toBe(true);
    expect(poss.base).toBe("al-Dashti");
    expect(poss.cap).toBe(true);
  });

  it("should give absolute offsets", () => {
    const text = "xx Leyla met";
    const [t] = tokenize(text, 3, 8);
    expect(text.slice(t.start, t.end)).toBe("Leyla");
  });
});

describe("extract #sentences", () => {
  it("should not split after titles, months or initials", () => {
    const text = "Maj. Gen. Tomas Verhaal arrived on Nov. 3 in Oslo. He met J. Ruiz there. Talks ended.";
    const out = splitSentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
    expect(out).toEqual([
      "Maj. Gen. Tomas Verhaal arrived on Nov. 3 in Oslo.",
      "He met J. Ruiz there.",
      "Talks ended.",
    ]);
  });

  it("should not split at a stop glued to the next character (compact dates, dotted abbreviations)", () => {
    const text = "On Tuesday (30.May.2023), the leaders met. They left.";
    const out = splitSentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
    expect(out).toEqual(["On Tuesday (30.May.2023), the leaders met.", "They left."]);
  });

  it("should keep a closing quote with its sentence", () => {
    const text = "“We agree.” The envoy left.";
    const out = splitSentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
    expect(out).toEqual(["“We agree.”", "The envoy left."]);
  });
});
