// Tokenizer and sentence splitter tests on synthetic sentences.
// Abbreviations, initials and possessives must not break sentences or names.

import { describe, expect, it } from "vitest";
import { splitSentences, splitTokenizedSentences } from "../../../extractor/sentences";
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

  it("should read words, numbers and marks in any script, with curly and straight possessives", () => {
    const toks = tokenize("Ólafsdóttir’s aide, Mr. Nguyễn, met Şahin' allies on 3rd May; “É. Côté” came.");
    expect(toks.map((t) => [t.text, t.type, t.cap, t.lower])).toEqual([
      ["Ólafsdóttir’s", "word", true, "ólafsdóttir"],
      ["aide", "word", false, "aide"],
      [",", "punct", false, ","],
      ["Mr", "word", true, "mr"],
      [".", "punct", false, "."],
      ["Nguyễn", "word", true, "nguyễn"],
      [",", "punct", false, ","],
      ["met", "word", false, "met"],
      ["Şahin'", "word", true, "şahin"],
      ["allies", "word", false, "allies"],
      ["on", "word", false, "on"],
      ["3rd", "num", false, "3rd"],
      ["May", "word", true, "may"],
      [";", "punct", false, ";"],
      ["“", "punct", false, "“"],
      ["É", "word", true, "é"],
      [".", "punct", false, "."],
      ["Côté", "word", true, "côté"],
      ["”", "punct", false, "”"],
      ["came", "word", false, "came"],
      [".", "punct", false, "."],
    ]);
    expect(toks[0].poss).toBe(true);
    expect(toks[8].poss).toBe(false);
    expect(toks[8].base).toBe("Şahin");
  });

  it("should mark a particle glued to a capitalised name as capitalised, and a lower-case word as not", () => {
    const [particle, plain] = tokenize("bin-Rashid el-cheapest");
    expect(particle.cap).toBe(true);
    expect(plain.cap).toBe(false);
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

  it("should give each sentence exactly the tokens a tokenizer finds in its range", () => {
    const text = "Dr. Ama Owusu met U.S. envoy J. K. Lind. “It went well,” she said! Talks end (on Friday). Done";
    const sentences = splitTokenizedSentences(text, { start: 0, end: text.length });
    expect(sentences.map((r) => text.slice(r.start, r.end))).toEqual([
      "Dr. Ama Owusu met U.S. envoy J. K. Lind.",
      "“It went well,” she said!",
      "Talks end (on Friday).",
      "Done",
    ]);
    for (const r of sentences) expect(r.toks).toEqual(tokenize(text, r.start, r.end));
  });
});
