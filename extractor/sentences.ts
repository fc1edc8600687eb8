// Sentence splitter: paragraph ranges → sentence ranges, aware of abbreviations and initials.
// Offsets are absolute so evidence quotes are exact slices of the file.

import { tokenize } from "./tokens";

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

/** Splits one paragraph into sentences; a stop ends a sentence when a capital, quote or digit follows. */
export function splitSentences(text: string, para: Range): Range[] {
  const toks = tokenize(text, para.start, para.end);
  const out: Range[] = [];
  let sentStart = toks.length ? toks[0].start : para.start;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.type !== "punct" || !/^[.!?…]$/.test(t.text)) continue;
    const prev = toks[i - 1];
    // "30.May.2023", "U.S.A": a stop glued to the next character is inside a token-like string.
    if (t.text === "." && toks[i + 1] && toks[i + 1].start === t.end && toks[i + 1].type !== "punct") continue;
    if (t.text === "." && prev && prev.type === "word") {
      if (ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text) || /^(\p{Lu}\.)+$/u.test(prev.text)) continue;
    }
    // Closing quotes and brackets right after the stop belong to this sentence.
    let j = i + 1;
    while (j < toks.length && /^[”"’')\]»]$/.test(toks[j].text) && toks[j].start === toks[j - 1].end) j++;
    const next = toks[j];
    if (next && !/^[\p{Lu}\d“"‘'(«]/u.test(next.text)) continue;
    const end = toks[j - 1].end;
    out.push({ start: sentStart, end });
    sentStart = next ? next.start : para.end;
    i = j - 1;
  }
  const last = toks.length ? toks[toks.length - 1].end : para.end;
  if (sentStart < last) out.push({ start: sentStart, end: last });
  return out;
}
