// Mentions: token classes, person-name candidates, and gazetteer/organisation mentions in one sentence.
// Person recall is a chunking problem: names are the capitalised tokens left after titles, places and heads.

import {
  CITY_BY_SURFACE,
  COMMON_CAPS,
  COMMON_WORDS,
  COUNTRY_BY_SURFACE,
  DEMONYMS,
  GENERAL_COMPOUNDS,
  GIVEN_NAMES,
  HONORIFICS,
  isMediaName,
  isTitleWord,
  LOCATIVE_WORDS,
  MONTHS,
  ORG_HEADS,
  PLACE_HEADS as PLACE_WORDS,
  RANKS,
  REGION_BY_SURFACE,
  STOPWORDS,
  TITLE_HEADS,
  TITLE_NAMES,
  WEEKDAYS,
  worldCity,
} from "./gazetteer";
import type { Token } from "./tokens";

/**
 * Token classes: N name-able, T title word, H honorific/rank, O organisation/place head, G gazetteer word,
 * C common capitalised word, S stop word, D month/weekday, P name particle, L other lower-case word, X other.
 */
export type TokenClass = "N" | "T" | "H" | "O" | "G" | "C" | "S" | "D" | "P" | "L" | "X";

/** Particles inside names: Arabic "bin"/"al", Romance "da"/"de la", Germanic "von der"/"van". */
const PARTICLE_WORDS = new Set([
  "bin",
  "ibn",
  "bint",
  "al",
  "el",
  "abu",
  "ben",
  "de",
  "da",
  "das",
  "do",
  "dos",
  "du",
  "del",
  "della",
  "di",
  "la",
  "le",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "ten",
]);
/** Roman numerals II–XXXIX (a bare "I" is the pronoun). */
const REGNAL_NUMERAL = /^(?=[IVX]{2,}$)X{0,3}(IX|IV|V?I{0,3})$/;

/** Particles after which a capitalised common word is still a name ("Eid bin Mohammed"). */
const PATRONYMIC_WORDS = new Set(["bin", "ibn", "bint"]);

// Regular expressions with Unicode property escapes are module constants: the TypeScript loader (esbuild) turns
// such a literal into a \`new RegExp(…)\` call, which would build the expression again for every token.
const UPPER_FIRST = /^\p{Lu}/u;
const ABBREVIATION = /^(\p{Lu}|\.)+$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const ACRONYM = /^\p{Lu}{2,}$/u;

/** Classifies each token of a sentence. */
export function classifyTokens(toks: Token[], headline = false): TokenClass[] {
  return toks.map((t, i) => {
    if (t.type !== "word") return "X";
    const l = t.lower;
    if (!t.cap) {
      if (PARTICLE_WORDS.has(l)) return "P";
      return "L";
    }
    if (/^(al|el|bin|ibn|abu)-/.test(l) && !UPPER_FIRST.test(t.text)) return "N";
    const next = toks[i + 1];
    if (STOPWORDS.has(l)) {
      // Mid-sentence, a capitalised stop word is a name ("General Amid …"), except in title-case headlines.
      // After a bullet, dash or other symbol it opens a line and is an ordinary word.
      const prev = toks[i - 1];
      const initial = !prev || (prev.type !== "word" && prev.text !== ",");
      // Plural nouns of the list ("Images", "Officials") are never names.
      if (initial || headline || l.length <= 2 || !next?.cap || l.endsWith("s")) return "S";
      return "N";
    }
    if (WEEKDAYS.has(l)) return "D";
    // "Jan" before a surname is a given name; a month's abbreviation stands beside a number ("Jan 5").
    if (MONTHS.has(l)) {
      const numberNear = toks[i + 1]?.type === "num" || toks[i - 1]?.type === "num";
      const abbreviation = l.length <= 4 && !/^(may|june|july)$/.test(l);
      const nameNext =
        !!next && next.type === "word" && (next.cap ? !STOPWORDS.has(next.lower) : PARTICLE_WORDS.has(next.lower));
      return abbreviation && !numberNear && nameNext ? "N" : "D";
    }
    // "Amir" is a title before "of Qatar" or an honorific, a given name before a surname ("Amir Hatami").
    if (TITLE_NAMES.has(l)) return next?.cap && next.type === "word" && !isTitleLike(next.lower) ? "N" : "T";
    if (isTitleWord(l)) return "T";
    if (HONORIFICS.has(l)) return "H";
    // A ruler's numeral continues the name before it ("Mohammed VI").
    if (REGNAL_NUMERAL.test(t.text) && i > 0 && toks[i - 1].type === "word" && toks[i - 1].cap) return "N";
    if (ORG_HEADS.has(l)) return "O";
    if (COUNTRY_BY_SURFACE.has(l) || REGION_BY_SURFACE.has(l) || CITY_BY_SURFACE.has(l) || DEMONYMS.has(l)) return "G";
    // "Eid bin Mohammed": before a patronymic particle a common word is a given name.
    if (COMMON_CAPS.has(l)) return next && PATRONYMIC_WORDS.has(next.lower) ? "N" : "C";
    if (ABBREVIATION.test(t.base) && t.base.length >= 2) return "C";
    if (/-/.test(l) && l.split("-").every((p) => DEMONYMS.has(p) || COUNTRY_BY_SURFACE.has(p) || p === "krg"))
      return "G";
    return "N";
  });
}

function isTitleLike(lower: string): boolean {
  return isTitleWord(lower) || HONORIFICS.has(lower) || STOPWORDS.has(lower);
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
  /** A nickname quoted inside the name ("Joko “Jokowi” Widodo" → "Jokowi"); `text` then leaves it out. */
  nickname?: string;
}

function isQuote(t: Token | undefined): boolean {
  return !!t && /^[“”"«»]$/.test(t.text);
}

function isParticle(t: Token | undefined, c: TokenClass | undefined): boolean {
  return !!t && (c === "P" || (t.cap && PARTICLE_WORDS.has(t.lower)));
}

/** Number of particle tokens from `j` on that lead to a name token ("von der Leyen", "de la Fuente"); 0 if none. */
function particlesBeforeName(toks: Token[], cls: TokenClass[], j: number): number {
  let k = j;
  while (k < toks.length && k - j < 3 && isParticle(toks[k], cls[k])) k++;
  return k > j && cls[k] === "N" ? k - j : 0;
}

function isInitial(t: Token | undefined): boolean {
  return !!t && t.type === "word" && SINGLE_CAPITAL.test(t.text);
}

/** A frequent English word that is nobody's given name ("Management", "Exchange"). */
function isCommonWord(t: Token): boolean {
  return COMMON_WORDS.has(t.lower) && !GIVEN_NAMES.has(t.lower);
}

/**
 * A run of common words is a phrase, not a person: "Disaster Management", "Knowledge Exchange", a headline's
 * "Carrying Message". A lone word after a title counts only in a verb's form ("Minister Attached to …"), since
 * surnames such as "Sharif" are words too.
 */
function commonPhrase(toks: Token[], cls: TokenClass[], i0: number, i1: number, titled: boolean): boolean {
  const names = toks.slice(i0, i1).filter((_t, k) => cls[i0 + k] === "N");
  if (!names.length || !names.every(isCommonWord)) return false;
  if (names.length >= 2) return !titled;
  return /(ed|ing)$/.test(names[0].lower);
}

/** The whole run names a city or country of the world gazetteer ("Addis Ababa", "Phnom Penh"). */
function isPlaceName(text: string): boolean {
  const key = text.toLowerCase().replace(/[’`]/g, "'");
  return worldCity(key) !== undefined || COUNTRY_BY_SURFACE.has(key) || REGION_BY_SURFACE.has(key);
}

/**
 * Finds maximal runs of name-able tokens (with particles, initials, regnal numerals and a quoted nickname),
 * ending at a possessive, and peels honorifics in front of them. Runs glued to an organisation head
 * ("Takaddum Party"), quoted, followed by a place word ("the Tran Quoc pagoda") or naming a city are skipped.
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
    let nickname: { start: number; end: number; text: string } | undefined;
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
      // Particles join name tokens: "Faisal bin Farhan", "Qassim Al Araji", "Ursula von der Leyen".
      const particles = j > i ? particlesBeforeName(toks, cls, j) : 0;
      if (particles) {
        j += particles;
        continue;
      }
      // A middle initial with its full stop: "George W. Bush", "S. Jaishankar".
      if (
        toks[j].text === "." &&
        isInitial(toks[j - 1]) &&
        cls[j + 1] === "N" &&
        toks[j + 1].start - toks[j].end <= 1
      ) {
        j++;
        continue;
      }
      // A nickname quoted between given name and surname: Joko “Jokowi” Widodo.
      if (
        !nickname &&
        j > i &&
        isQuote(toks[j]) &&
        cls[j + 1] === "N" &&
        isQuote(toks[j + 2]) &&
        cls[j + 3] === "N" &&
        !toks[j + 1].poss
      ) {
        nickname = { start: toks[j].start, end: toks[j + 2].end, text: toks[j + 1].base };
        j += 3;
        continue;
      }
      break;
    }
    // "… Research and Innovation Supamas Isarabhakdi": common words that open a long run end the phrase before it.
    while (size >= 3 && cls[i] === "N" && isCommonWord(toks[i])) {
      i++;
      size--;
    }
    // Particles that open a surname after a title: "Foreign Secretary de la Fuente".
    let n0 = i;
    while (n0 > 0 && isParticle(toks[n0 - 1], cls[n0 - 1]) && !toks[n0 - 1].cap && i - n0 < 3) n0--;
    if (n0 < i && !(n0 > 0 && (cls[n0 - 1] === "T" || cls[n0 - 1] === "H"))) n0 = i;
    let h0 = n0;
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
    const start = toks[n0].start;
    const last = toks[j - 1];
    const end = last.baseEnd;
    const next = toks[j];
    const prev = toks[h0 - 1];
    const quoted = isQuote(prev) && isQuote(next);
    const gluedToHead = !!next && next.cap && cls[j] === "O" && next.start - last.end <= 1 && !last.poss;
    // "the renowned Tran Quoc pagoda": a lower-case place word right after the run names a place.
    const placeHead = !!next && !next.cap && !last.poss && PLACE_WORDS.has(next.lower);
    const determiner = !!prev && /^(the|a|an)$/.test(prev.lower) && h0 === n0;
    const titled = h0 < n0 || (!!prev && (cls[h0 - 1] === "T" || TITLE_HEADS.has(prev.lower)));
    const name = nickname
      ? (text.slice(start, nickname.start) + text.slice(nickname.end, end)).replace(/\s+/g, " ")
      : text.slice(start, end);
    // A bare run after "in", "at" or "around" that is not a known person is a place ("around Sidist Kilo").
    const locative = !!prev && !titled && LOCATIVE_WORDS.has(prev.lower) && !last.poss;
    const place = !titled && isPlaceName(name);
    const standalone = size >= 2 && size <= 6 && !quoted && !gluedToHead && !determiner && !locative;
    if (!quoted && !gluedToHead && !placeHead && !place && !commonPhrase(toks, cls, n0, j, titled)) {
      runs.push({
        i0: n0,
        i1: j,
        h0,
        start,
        end,
        text: name,
        possessive: last.poss,
        size,
        standalone,
        ...(nickname ? { nickname: nickname.text } : {}),
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

const LEADING_LETTERS = /^[\p{L}\p{M}]*/u;

/** The letters a string opens with: "cote" of "cote d'ivoire", "u" of "u.s.", "al" of "al-qaim". */
function leadingLetters(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) continue;
    return c < 128 ? s.slice(0, k) : LEADING_LETTERS.exec(s)![0];
  }
  return s;
}

/**
 * The leading letters of every country, region and city name. A gazetteer name that matches from a token opens
 * with that token's leading letters, so a token whose own are not among these opens none and its look-ups are
 * skipped (most capitalised tokens are people's names and title words).
 */
const GAZETTEER_LEADS = new Set(
  [...COUNTRY_BY_SURFACE.keys(), ...REGION_BY_SURFACE.keys(), ...CITY_BY_SURFACE.keys()].map(leadingLetters),
);

/** Finds countries, regions and cities (longest match first, up to five tokens). */
export function findGazetteerMentions(text: string, toks: Token[]): GazetteerMention[] {
  const out: GazetteerMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].cap || !GAZETTEER_LEADS.has(leadingLetters(toks[i].lower))) continue;
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
  /** A news medium (agency, newspaper, broadcaster, publisher): a source, not an actor, unless the news is about it. */
  media: boolean;
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
      if (toks[endIdx + 1]?.text === "(" && toks[endIdx + 3]?.text === ")" && ACRONYM.test(toks[endIdx + 2].text))
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
        media: isMediaName(text.slice(start, end)) || (!!acronym && isMediaName(acronym)),
      });
      i = endIdx + 1;
      continue;
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
