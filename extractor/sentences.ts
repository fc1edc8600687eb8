// Sentence splitter: paragraph ranges → sentence ranges, aware of abbreviations and initials.
// Offsets are absolute so evidence quotes are exact slices of the file.

import { tokenize, type Token } from "./tokens";

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "maj",
  "gen",
  "lt",
  "col",
  "capt",
  "sgt",
  "adm",
  "brig",
  "rev",
  "st",
  "jr",
  "sr",
  "no",
  "nos",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mt",
  "ft",
  "approx",
  "dept",
  "gov",
  "sen",
  "rep",
  "eng",
]);

/** A sentence's range with its tokens (a slice of the paragraph's tokens). */
export interface TokenizedSentence extends Range {
  toks: Token[];
}

const SENTENCE_STOP = /^[.!?…]$/;
const CLOSING_MARK = /^[”"’')\]»]$/;
const SENTENCE_OPENING = /^[\p{Lu}\d“"‘'(«]/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const INITIALS = /^(\p{Lu}\.)+$/u;

/**
 * Splits one paragraph into sentences with their tokens; a stop ends a sentence when a capital, quote or digit
 * follows. The paragraph is tokenized once: sentences start and end on token boundaries, so a sentence's tokens
 * are exactly the paragraph's tokens in its range.
 */
export function splitTokenizedSentences(text: string, para: Range): TokenizedSentence[] {
  const toks = tokenize(text, para.start, para.end);
  const out: TokenizedSentence[] = [];
  let first = 0;
  let sentStart = toks.length ? toks[0].start : para.start;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.type !== "punct" || !SENTENCE_STOP.test(t.text)) continue;
    const prev = toks[i - 1];
    // "30.May.2023", "U.S.A": a stop glued to the next character is inside a token-like string.
    if (t.text === "." && toks[i + 1] && toks[i + 1].start === t.end && toks[i + 1].type !== "punct") continue;
    if (t.text === "." && prev && prev.type === "word") {
      if (ABBREVIATIONS.has(prev.lower) || SINGLE_CAPITAL.test(prev.text) || INITIALS.test(prev.text)) continue;
    }
    // Closing quotes and brackets right after the stop belong to this sentence.
    let j = i + 1;
    while (j < toks.length && CLOSING_MARK.test(toks[j].text) && toks[j].start === toks[j - 1].end) j++;
    const next = toks[j];
    if (next && !SENTENCE_OPENING.test(next.text)) continue;
    const end = toks[j - 1].end;
    out.push({ start: sentStart, end, toks: toks.slice(first, j) });
    first = j;
    sentStart = next ? next.start : para.end;
    i = j - 1;
  }
  const last = toks.length ? toks[toks.length - 1].end : para.end;
  if (sentStart < last) out.push({ start: sentStart, end: last, toks: toks.slice(first) });
  return out;
}

/** Splits one paragraph into sentence ranges (see `splitTokenizedSentences`). */
export function splitSentences(text: string, para: Range): Range[] {
  return splitTokenizedSentences(text, para).map(({ start, end }) => ({ start, end }));
}
