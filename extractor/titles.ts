// Titles and roles: the official title written next to a person's name, before it or in apposition.
// Patterns: "Iran's Foreign Minister X", "the Governor of Erbil, X,", "X, Secretary of Y," and "X, who serves as Y".

import { HONORIFICS, STRONG_TITLE_HEADS, TITLE_HEADS } from "./gazetteer";
import type { NameRun, TokenClass } from "./mentions";
import type { Token } from "./tokens";

export type TitleSource = "pre" | "appos" | "rank";

export interface TitleFound {
  text: string;
  start: number;
  end: number;
  source: TitleSource;
  /** Token range of the title in the sentence. */
  i0: number;
  i1: number;
}

const CONNECTORS = new Set(["of", "for", "to", "in", "the", "on", "and"]);
const LOWER_OK = new Set([
  "late",
  "former",
  "acting",
  "deputy",
  "interim",
  "province",
  "region",
  "city",
  "governorate",
  "district",
  "border",
  "guards",
  "forces",
  "security",
  "affairs",
  "general",
  "foreign",
  "prime",
  "national",
  "defense",
  "defence",
  "interior",
  "special",
  "presidential",
  "senior",
  "top",
  "chief",
  "vice",
  "assistant",
]);
const RIGHT_STOP = new Set([
  "who",
  "which",
  "that",
  "said",
  "says",
  "met",
  "meets",
  "has",
  "have",
  "had",
  "is",
  "was",
  "were",
  "are",
  "will",
  "would",
  "also",
  "currently",
  "visited",
  "traveled",
  "travelled",
  "arrived",
  "received",
  "held",
  "and",
  "with",
  "on",
  "at",
  "during",
  "after",
  "before",
  "when",
  "while",
  "as",
  "by",
  "from",
  "to",
]);

function hasStrongHead(toks: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (STRONG_TITLE_HEADS.has(toks[k].lower)) return true;
  // "Foreign Minister" etc. are covered by "minister"; "FM"/"PM" are strong heads too.
  return false;
}

function isTitleToken(t: Token, c: TokenClass): boolean {
  if (t.type !== "word") return t.text === "(" || t.text === ")";
  if (t.cap) return c !== "S" && c !== "D";
  return TITLE_HEADS.has(t.lower) || LOWER_OK.has(t.lower);
}

function trimPhrase(toks: Token[], cls: TokenClass[], a: number, b: number): [number, number] {
  while (a < b && (CONNECTORS.has(toks[a].lower) || toks[a].text === ")" || (cls[a] === "N" && !toks[a].poss))) a++;
  while (b > a && (CONNECTORS.has(toks[b - 1].lower) || toks[b - 1].text === "(" || toks[b - 1].text === ",")) b--;
  // Balance a dangling "(" inside the phrase.
  return [a, b];
}

/**
 * A title before the name: walks left over title words, places, organisation words and "of/for/to/in (the)",
 * stopping at verbs, "and", "with", commas and determiners. A comma is crossed once when the name stands in
 * apposition ("the President of Kurdistan Region, X,").
 */
export function titleBefore(text: string, toks: Token[], cls: TokenClass[], run: NameRun): TitleFound | null {
  let b = run.h0;
  if (b > 0 && /^(of|for|to|in)$/.test(toks[b - 1].lower)) return null;
  if (b > 0 && toks[b - 1].text === ",") {
    const after = toks[run.i1];
    if (after && !/^[,.;:)”"]$/.test(after.text) && after.type !== "word") return null;
    b -= 1;
  }
  let a = b;
  while (a > 0) {
    const t = toks[a - 1];
    const c = cls[a - 1];
    if (t.text === "," || t.text === "–" || t.text === "-") break;
    if (!t.cap && CONNECTORS.has(t.lower)) {
      if (t.lower === "and") break;
      // "the" at the left edge is dropped; inside ("of the") it is kept.
      if (t.lower === "the" && !(a >= 2 && /^(of|for|to|in)$/.test(toks[a - 2].lower))) break;
      a--;
      continue;
    }
    if (!isTitleToken(t, c)) break;
    if (t.text === "(" || t.text === ")") {
      a--;
      continue;
    }
    a--;
  }
  const [ta, tb0] = trimPhrase(toks, cls, a, b);
  let tb = tb0;
  if (tb <= ta) return null;
  // "Deputy Minister for Political Affairs Ambassador Dr. X": a second, honorific-like title is dropped.
  for (let q = ta + 2; q < tb; q++) {
    if (HONORIFICS.has(toks[q].lower) && TITLE_HEADS.has(toks[q].lower) && q === tb - 1) {
      const hasEarlierHead = hasStrongHead(toks, ta, q);
      const hasConnector = toks.slice(ta, q).some((x) => /^(of|for|to|in)$/.test(x.lower));
      if (hasEarlierHead && hasConnector) tb = q;
    }
  }
  if (!hasStrongHead(toks, ta, tb) || tb - ta > 14) return null;
  const start = toks[ta].start;
  const end = toks[tb - 1].end;
  return { text: text.slice(start, end), start, end, source: "pre", i0: ta, i1: tb };
}

function walkRight(
  text: string,
  toks: Token[],
  cls: TokenClass[],
  k: number,
  nameStarts: Set<number>,
): TitleFound | null {
  if (toks[k]?.lower === "the" || toks[k]?.lower === "his" || toks[k]?.lower === "her") k++;
  const a = k;
  let seenHead = false;
  let afterOf = false;
  while (k < toks.length && k - a < 14) {
    const t = toks[k];
    if (nameStarts.has(k)) return null;
    if (t.type === "punct") {
      if (t.text === "(" || t.text === ")") {
        k++;
        continue;
      }
      break;
    }
    if (t.type !== "word") break;
    if (!t.cap) {
      // "the party's deputy leader": a possessive noun may open the title.
      if (t.poss && k === a) {
        k++;
        continue;
      }
      if (/^(of|for)$/.test(t.lower)) {
        afterOf = true;
        k++;
        continue;
      }
      if (t.lower === "the" || (t.lower === "in" && toks[k + 1]?.cap)) {
        k++;
        continue;
      }
      if (TITLE_HEADS.has(t.lower) || LOWER_OK.has(t.lower)) {
        if (TITLE_HEADS.has(t.lower)) seenHead = true;
        k++;
        continue;
      }
      // Lower-case nouns after "of" belong to the title ("commander of Sardasht border guards").
      if (afterOf && seenHead && !RIGHT_STOP.has(t.lower) && !/(ed|ing|ly)$/.test(t.lower)) {
        k++;
        continue;
      }
      break;
    }
    if (cls[k] === "S" || cls[k] === "D") break;
    if (!seenHead && k - a >= 4) return null;
    if (TITLE_HEADS.has(t.lower)) seenHead = true;
    k++;
  }
  const [ta, tb] = trimPhrase(toks, cls, a, k);
  if (tb <= ta || !hasStrongHead(toks, ta, tb)) return null;
  // The phrase must open with a title word or a modifier of one, not with a name.
  if (cls[ta] === "N" && !toks[ta].poss) return null;
  const start = toks[ta].start;
  const end = toks[tb - 1].end;
  return { text: text.slice(start, end), start, end, source: "appos", i0: ta, i1: tb };
}

/**
 * A title after the name: ", (the) TITLE ,", "the TITLE" directly after the name, or ", … who serves as
 * (the) TITLE".
 */
export function titleAfter(
  text: string,
  toks: Token[],
  cls: TokenClass[],
  run: NameRun,
  nameStarts: Set<number> = new Set(),
): TitleFound | null {
  const k = run.i1;
  if (run.possessive) return null;
  const t = toks[k];
  if (!t) return null;
  if (t.text === ",") {
    const found = walkRight(text, toks, cls, k + 1, nameStarts);
    if (found) return found;
  } else if (t.lower === "the" && toks[k + 1] && TITLE_HEADS.has(toks[k + 1].lower)) {
    const found = walkRight(text, toks, cls, k, nameStarts);
    if (found) return found;
  }
  for (let q = k; q < Math.min(toks.length - 2, k + 16); q++) {
    if (toks[q].lower !== "who") continue;
    const v = toks[q + 1].lower;
    if (!/^(serves|served|is|was|heads|leads)$/.test(v)) break;
    let r = q + 2;
    if (toks[r]?.lower === "as") r++;
    return walkRight(text, toks, cls, r, nameStarts);
  }
  return null;
}

/** The honorific/rank phrase peeled off in front of the name ("Brigadier General", "Colonel"), if any. */
export function rankBefore(text: string, toks: Token[], run: NameRun): TitleFound | null {
  if (run.h0 === run.i0) return null;
  const words = toks.slice(run.h0, run.i0).filter((t) => t.type === "word");
  if (
    !words.some(
      (t) => TITLE_HEADS.has(t.lower) || /^(colonel|general|brigadier|admiral|major|captain|lieutenant)$/.test(t.lower),
    )
  )
    return null;
  const start = toks[run.h0].start;
  const end = toks[run.i0 - 1].end;
  return { text: text.slice(start, end).replace(/\s+$/, ""), start, end, source: "rank", i0: run.h0, i1: run.i0 };
}

const ABBREVIATED_TITLE = /\b(FM|PM|DPM|DFM|SG)\b/;

/**
 * Picks the main title of a person in one article: the title written at the name's first titled mention in
 * the body (headlines use other words: "FM" for "Foreign Minister"), appositive or pre-name titles before
 * ranks; at one mention the longest.
 */
export function chooseTitle<T extends TitleFound & { headline?: boolean; sent?: number }>(cands: T[]): T | null {
  const main = cands.filter((c) => c.source !== "rank");
  const titled = main.length ? main : cands;
  const body = titled.filter((c) => !c.headline);
  const written = body.length ? body : titled;
  // An abbreviated title ("Turkish FM") yields to the title spelled out at another mention.
  const spelledOut = written.filter((c) => !ABBREVIATED_TITLE.test(c.text));
  const pool = spelledOut.length ? spelledOut : written;
  if (!pool.length) return null;
  // Titles of the first titled mention: those of the earliest sentence that has one.
  const firstStart = Math.min(...pool.map((c) => c.start));
  const firstSentence = pool.find((c) => c.start === firstStart)?.sent;
  const first = pool.filter((c) => c.sent === firstSentence);
  return first.reduce((best, c) => (c.text.length > best.text.length ? c : best));
}
