// Mentions: token classes, person-name candidates, and gazetteer/organisation mentions in one sentence.
// Person recall is a chunking problem: names are the capitalised tokens left after titles, places and heads.

import {
  CITY_BY_SURFACE,
  COMMON_CAPS,
  COUNTRY_BY_SURFACE,
  DEMONYMS,
  GENERAL_COMPOUNDS,
  HONORIFICS,
  MONTHS,
  ORG_HEADS,
  RANKS,
  REGION_BY_SURFACE,
  STOPWORDS,
  TITLE_HEADS,
  WEEKDAYS,
} from "./gazetteer";
import type { Token } from "./tokens";

/**
 * Token classes: N name-able, T title word, H honorific/rank, O organisation/place head, G gazetteer word,
 * C common capitalised word, S stop word, D month/weekday, P name particle, L other lower-case word, X other.
 */
export type TokenClass = "N" | "T" | "H" | "O" | "G" | "C" | "S" | "D" | "P" | "L" | "X";

const PARTICLE_WORDS = new Set(["bin", "ibn", "bint", "al", "el", "abu", "de", "ben"]);

/** Classifies each token of a sentence. */
export function classifyTokens(toks: Token[], headline = false): TokenClass[] {
  return toks.map((t, i) => {
    if (t.type !== "word") return "X";
    const l = t.lower;
    if (!t.cap) {
      if (PARTICLE_WORDS.has(l)) return "P";
      return "L";
    }
    if (/^(al|el|bin|ibn|abu)-/.test(l) && !/^\p{Lu}/u.test(t.text)) return "N";
    if (STOPWORDS.has(l)) {
      // Mid-sentence, a capitalised stop word is a name ("General Amid …"), except in title-case headlines.
      const prev = toks[i - 1];
      const initial = !prev || /^[“"‘'(:–—-]$/.test(prev.text);
      if (initial || headline || l.length <= 2 || !toks[i + 1]?.cap) return "S";
      return "N";
    }
    if (l in MONTHS || l in WEEKDAYS) return "D";
    if (TITLE_HEADS.has(l)) return "T";
    if (HONORIFICS.has(l)) return "H";
    if (ORG_HEADS.has(l)) return "O";
    if (COUNTRY_BY_SURFACE.has(l) || REGION_BY_SURFACE.has(l) || CITY_BY_SURFACE.has(l) || DEMONYMS.has(l)) return "G";
    if (COMMON_CAPS.has(l)) return "C";
    if (/^(\p{Lu}|\.)+$/u.test(t.base) && t.base.length >= 2) return "C";
    if (/-/.test(l) && l.split("-").every((p) => DEMONYMS.has(p) || COUNTRY_BY_SURFACE.has(p) || p === "krg"))
      return "G";
    return "N";
  });
}

export interface NameRun {
  /** First and one-past-last token index of the name itself. */
  i0: number;
  i1: number;
  /** Index of the first honorific/rank peeled off before the name (== i0 when none). */
  h0: number;
  start: number;
  end: number;
  text: string;
  possessive: boolean;
  /** Number of name tokens (particles not counted). */
  size: number;
  /** Multi-token run that looks like a person name on its own. */
  standalone: boolean;
}

function isQuote(t: Token | undefined): boolean {
  return !!t && /^[“”"«»]$/.test(t.text);
}

/**
 * Finds maximal runs of name-able tokens (with al-/bin particles), ending at a possessive, and peels
 * honorifics in front of them. Runs glued to an organisation head ("Takaddum Party") or quoted are skipped.
 */
export function findNameRuns(text: string, toks: Token[], cls: TokenClass[]): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < toks.length) {
    if (cls[i] !== "N") {
      i++;
      continue;
    }
    let j = i;
    let size = 0;
    while (j < toks.length) {
      const c = cls[j];
      const adjacent = j === i || toks[j].start - toks[j - 1].end <= 1;
      if (!adjacent) break;
      if (c === "N") {
        size++;
        j++;
        if (toks[j - 1].poss) break;
        continue;
      }
      // A particle joins two name tokens: "Faisal bin Farhan", "Qassim Al Araji".
      if ((c === "P" || (toks[j].cap && PARTICLE_WORDS.has(toks[j].lower))) && cls[j + 1] === "N" && j > i) {
        j++;
        continue;
      }
      break;
    }
    let h0 = i;
    while (h0 > 0) {
      const p = toks[h0 - 1];
      const before = toks[h0 - 2];
      const rank = (w: Token | undefined, c: TokenClass | undefined) =>
        !!w && (c === "H" || (RANKS.has(w.lower) && w.cap));
      if (rank(p, cls[h0 - 1])) {
        // "Consul General X": "General" completes the title, it is not a rank.
        if (p.lower === "general" && before && GENERAL_COMPOUNDS.has(before.lower)) break;
        h0--;
        continue;
      }
      if (p.text === "." && rank(before, cls[h0 - 2])) {
        h0--;
        continue;
      }
      break;
    }
    const start = toks[i].start;
    const last = toks[j - 1];
    const end = last.poss ? last.baseEnd : last.baseEnd;
    const next = toks[j];
    const prev = toks[h0 - 1];
    const quoted = isQuote(prev) && isQuote(next);
    const gluedToHead = !!next && next.cap && cls[j] === "O" && next.start - last.end <= 1 && !last.poss;
    const determiner = !!prev && /^(the|a|an)$/.test(prev.lower) && h0 === i;
    const standalone = size >= 2 && size <= 5 && !quoted && !gluedToHead && !determiner;
    if (!quoted && !gluedToHead) {
      runs.push({
        i0: i,
        i1: j,
        h0,
        start,
        end,
        text: text.slice(start, end),
        possessive: last.poss,
        size,
        standalone,
      });
    }
    i = j;
  }
  return runs;
}

export interface GazetteerMention {
  i0: number;
  i1: number;
  start: number;
  end: number;
  text: string;
  name: string;
  kind: "country" | "place";
}

/** Finds countries, regions and cities (longest match first, up to five tokens). */
export function findGazetteerMentions(text: string, toks: Token[]): GazetteerMention[] {
  const out: GazetteerMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].cap) continue;
    for (let n = Math.min(5, toks.length - i); n >= 1; n--) {
      const last = toks[i + n - 1];
      if (n > 1 && last.type !== "word") continue;
      const surface = text.slice(toks[i].start, last.baseEnd).toLowerCase().replace(/[’`]/g, "'");
      const country = COUNTRY_BY_SURFACE.get(surface);
      const region = REGION_BY_SURFACE.get(surface);
      const city = CITY_BY_SURFACE.get(surface);
      const name = country ?? region ?? city;
      if (!name) continue;
      // Short acronyms ("US") only count in capitals; "us" the pronoun is lower case anyway.
      out.push({
        i0: i,
        i1: i + n,
        start: toks[i].start,
        end: last.baseEnd,
        text: text.slice(toks[i].start, last.baseEnd),
        name,
        kind: country ? "country" : "place",
      });
      i += n - 1;
      break;
    }
  }
  return out;
}

export interface OrgMention {
  i0: number;
  i1: number;
  start: number;
  end: number;
  text: string;
  acronym: string | null;
  kind: "organization" | "government" | "place";
}

const GOVERNMENT_HEADS = new Set(["government", "ministry", "presidency", "cabinet", "administration"]);
const PLACE_HEADS = new Set([
  "river",
  "sea",
  "lake",
  "mountains",
  "mountain",
  "valley",
  "dam",
  "reservoir",
  "bridge",
  "crossing",
  "province",
  "region",
  "governorate",
  "district",
  "county",
  "island",
  "islands",
  "coast",
  "basin",
  "desert",
  "strait",
  "canal",
  "airport",
  "port",
  "square",
  "street",
  "corridor",
  "highway",
  "road",
]);

/**
 * Finds organisation names: capitalised runs (joined by "of", "of the", "for", "and") that end in a head word
 * such as Council, Party, Front or Ministry; a following "(ABC)" is kept as its acronym.
 */
export function findOrgMentions(text: string, toks: Token[], cls: TokenClass[]): OrgMention[] {
  const out: OrgMention[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!toks[i].cap || cls[i] === "S" || cls[i] === "D" || cls[i] === "H" || cls[i] === "T") {
      i++;
      continue;
    }
    let j = i;
    let lastHead = -1;
    while (j < toks.length) {
      const t = toks[j];
      if (t.cap && cls[j] !== "S" && cls[j] !== "D") {
        if (cls[j] === "O") lastHead = j;
        j++;
        if (t.poss) break;
        continue;
      }
      if (/^(of|for|and)$/.test(t.lower) && toks[j + 1]?.cap) {
        j++;
        continue;
      }
      if (t.lower === "the" && toks[j - 1]?.lower === "of" && toks[j + 1]?.cap) {
        j++;
        continue;
      }
      break;
    }
    // An "of PLACE" tail belongs to the organisation ("Ministry of Foreign Affairs of Iraq").
    let endIdx = lastHead;
    if (lastHead >= 0) {
      let k = lastHead + 1;
      while (k < j && (toks[k].lower === "of" || toks[k].lower === "the" || cls[k] === "G" || cls[k] === "O")) {
        if (cls[k] === "G" || cls[k] === "O") endIdx = k;
        k++;
      }
    }
    if (endIdx >= i && endIdx - i >= 1 && !toks[endIdx].poss) {
      const start = toks[i].start;
      const end = toks[endIdx].baseEnd;
      let acronym: string | null = null;
      if (
        toks[endIdx + 1]?.text === "(" &&
        toks[endIdx + 3]?.text === ")" &&
        /^\p{Lu}{2,}$/u.test(toks[endIdx + 2].text)
      )
        acronym = toks[endIdx + 2].text;
      const headLower = toks[lastHead].lower;
      out.push({
        i0: i,
        i1: endIdx + 1,
        start,
        end,
        text: text.slice(start, end),
        acronym,
        kind: GOVERNMENT_HEADS.has(headLower) ? "government" : PLACE_HEADS.has(headLower) ? "place" : "organization",
      });
      i = endIdx + 1;
      continue;
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
