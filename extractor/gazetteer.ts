// Gazetteers: countries, demonyms, cities, titles, honorifics and organisation head words.
// The words live in data files under extractor/data/ (loaded once, here); this module only indexes them.

import { readFileSync } from "node:fs";
import media from "./data/media.json";
import places from "./data/places.json";
import titles from "./data/titles.json";
import words from "./data/words.json";
import worldCountries from "./data/world-countries.json";

const CURLY_APOSTROPHES = /[’`]/g;

function norm(s: string): string {
  const l = s.toLowerCase();
  return l.includes("’") || l.includes("`") ? l.replace(CURLY_APOSTROPHES, "'") : l;
}

// ---------------------------------------------------------------- countries, regions, cities

/** Lower-case surface → canonical country name. */
export const COUNTRY_BY_SURFACE = new Map<string, string>();
/** Lower-case demonym → canonical country (or region) name; "" for affiliations that name no country. */
export const DEMONYMS = new Map<string, string>();
/** Lower-case surface → canonical region name. */
export const REGION_BY_SURFACE = new Map<string, string>();
/** Lower-case surface → city display name (the hand list: capitals and the region's towns). */
export const CITY_BY_SURFACE = new Map<string, string>();
/** Capitals of the world countries' data, for the world city table. */
const CAPITALS: string[] = [];

// A hand alias is a demonym when it has a demonym's ending and is one word ("iranian", "azeri", "swiss").
const DEMONYM_ENDING = /(an|i|ish|ese|ic|ch|ss|k|ek|ik|ee|ti|ri|ni|zi|eri)$/;

for (const [name, aliases] of Object.entries(places.countries as Record<string, string[]>)) {
  COUNTRY_BY_SURFACE.set(norm(name), name);
  for (const a of aliases) {
    if (DEMONYM_ENDING.test(a) && !a.includes(" ")) DEMONYMS.set(a, name);
    else COUNTRY_BY_SURFACE.set(a, name);
  }
}

// World countries: the hand table's canonical name wins when the two name the same country.
for (const c of worldCountries) {
  const surfaces = [c.name, ...c.aliases].map(norm);
  const canonical = surfaces.map((s) => COUNTRY_BY_SURFACE.get(s)).find(Boolean) ?? c.name;
  for (const s of surfaces) if (!COUNTRY_BY_SURFACE.has(s)) COUNTRY_BY_SURFACE.set(s, canonical);
  for (const d of c.demonyms) {
    const l = norm(d);
    if (!DEMONYMS.has(l)) DEMONYMS.set(l, canonical);
    // "Moroccans", "Iraqis": the plural names the people of the country.
    if (/(an|i)$/.test(l) && !DEMONYMS.has(`${l}s`)) DEMONYMS.set(`${l}s`, canonical);
  }
  CAPITALS.push(...c.capitals);
}

for (const [name, aliases] of Object.entries(places.regions as Record<string, string[]>)) {
  REGION_BY_SURFACE.set(norm(name), name);
  for (const a of aliases) {
    if (/(ish|ian|an)$/.test(a) && !a.includes(" ")) DEMONYMS.set(a, name);
    else REGION_BY_SURFACE.set(a, name);
  }
}

for (const c of places.cities) CITY_BY_SURFACE.set(norm(c), c);

/** Demonyms that are not countries but still mark nationality/affiliation. */
for (const d of places.affiliations) if (!DEMONYMS.has(d)) DEMONYMS.set(d, "");

let worldCities: Map<string, string> | null = null;

/** Reads world-cities.tsv (name, country code, population, latitude, longitude; largest first, header first). */
function loadWorldCities(): Map<string, string> {
  const cities = new Map<string, string>();
  for (const cap of CAPITALS) if (!cities.has(norm(cap))) cities.set(norm(cap), cap);
  const text = readFileSync(new URL("./data/world-cities.tsv", import.meta.url), "utf8");
  // Lower-cased once as a whole: a line of `keys` is the same line of `lines` in lower case.
  const lines = text.split("\n");
  const keys = norm(text).split("\n");
  for (let i = 1; i < lines.length; i++) {
    const tab = lines[i].indexOf("\t");
    if (tab <= 0) continue;
    const key = keys[i].slice(0, keys[i].indexOf("\t"));
    if (!cities.has(key)) cities.set(key, lines[i].slice(0, tab));
  }
  for (const [k, v] of CITY_BY_SURFACE) cities.set(k, v);
  return cities;
}

/**
 * The city a lower-case surface names, for every capital and every city of 50,000 people or more
 * (world-cities.tsv, read on first use). Used on whole name runs only ("Addis Ababa", "Phnom Penh"): single city
 * names such as "Victoria" or "Santos" are also people's names, so a token alone is never taken for a city here.
 */
export function worldCity(surface: string): string | undefined {
  return (worldCities ??= loadWorldCities()).get(surface);
}

// ---------------------------------------------------------------- common words and given names

/**
 * A read-only word list, read on first use: a process that imports the extractor without extracting (a server
 * before its first article, a test of one rule) does not read tens of thousands of words.
 */
export class WordList {
  private words: Set<string> | null = null;

  constructor(private readonly read: () => string[]) {}

  /** Whether the list holds `word` exactly. */
  has(word: string): boolean {
    return (this.words ??= new Set(this.read())).has(word);
  }
}

function dataWordList(file: string): WordList {
  return new WordList(() =>
    readFileSync(new URL(`./data/${file}`, import.meta.url), "utf8")
      .split("\n")
      .filter(Boolean),
  );
}

/**
 * Frequent English words of five letters or more that are nobody's given name (common-words.txt): a run made
 * only of them is a phrase ("Disaster Management"), not a person.
 */
export const COMMON_WORDS = dataWordList("common-words.txt");

/** English given names (given-names.txt, lower case): a run that opens with one may be a person ("Hope Hicks"). */
export const GIVEN_NAMES = dataWordList("given-names.txt");

// ---------------------------------------------------------------- titles and honorifics

/** Head words of official titles (lower case); a title phrase needs at least one. */
export const TITLE_HEADS = new Set<string>(titles.titleHeads);

/** Words that alone can be a title ("the head", "President X"); "foreign"/"deputy" need another head. */
export const STRONG_TITLE_HEADS = new Set([...TITLE_HEADS].filter((w) => !titles.weakTitleHeads.includes(w)));

/** Military ranks: peeled off before a name like honorifics, kept as a fallback title. */
export const RANKS = new Set<string>(titles.ranks);

/** Honorifics and military ranks peeled off in front of a name. */
export const HONORIFICS = new Set<string>([...titles.honorifics, ...titles.ranks]);

/** Honorifics that stand for the person when used with a single given name ("Prince Faisal"). */
export const NAME_HONORIFICS = new Set<string>(titles.nameHonorifics);

/** Ranks/honorifics after which "General" is part of the title, not a rank ("Consul General"). */
export const GENERAL_COMPOUNDS = new Set<string>(titles.generalCompounds);

/** Title words that are also given names: a title only when no name follows ("the Amir of Qatar", "Amir Hatami"). */
export const TITLE_NAMES = new Set<string>(titles.titleNames);

/** Affixes that keep a title word a title: "President-elect", "ex-Minister", "Secretary-designate". */
export const TITLE_PREFIXES: readonly string[] = titles.titleAffixes.prefixes;
export const TITLE_SUFFIXES: readonly string[] = titles.titleAffixes.suffixes;

/** True when a word is a title head, also with an affix ("vice-president", "President-elect"). */
export function isTitleWord(lower: string): boolean {
  if (TITLE_HEADS.has(lower)) return true;
  let core = lower;
  for (const p of TITLE_PREFIXES) if (core.startsWith(p)) core = core.slice(p.length);
  for (const x of TITLE_SUFFIXES) if (core.endsWith(x)) core = core.slice(0, -x.length);
  return core !== lower && TITLE_HEADS.has(core);
}

// ---------------------------------------------------------------- other words

/** Lower-case head words after a capitalised run that make it a place or a building ("the Tran Quoc pagoda"). */
export const PLACE_HEADS = new Set<string>(words.placeHeads);

/** Prepositions of place: a bare name run after them is a place, not a person ("around Sidist Kilo"). */
export const LOCATIVE_WORDS = new Set<string>(words.locativeWords);

/** Head words of organisation and place names (capitalised in text). */
export const ORG_HEADS = new Set<string>(words.orgHeads);

/** Words that are capitalised in names of things but are never person names. */
export const COMMON_CAPS = new Set<string>(words.commonCaps);

/** Function words and frequent sentence-initial words: never part of a name. */
export const STOPWORDS = new Set<string>(words.stopwords);

/**
 * Lower-case month names and abbreviations → month number (1–12). Maps, not the JSON objects: every token of
 * every sentence is looked up, and a Map hashes a token's string once where an object's keyed look-up does more
 * work per call (and would find "constructor" on Object's prototype).
 */
export const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries(words.months as Record<string, number>));

/** Lower-case weekday names → day of the week (0 = Sunday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(Object.entries(words.weekdays as Record<string, number>));

const MEDIA_HEADS = new Set<string>(media.heads);
const MEDIA_NAMES = new Set<string>(media.names);
const CORPORATE_TAILS = new Set<string>(media.corporateTails);

/**
 * True when a name is that of a news medium: a known agency or outlet ("Reuters", "Xinhua"), a name ending in a
 * newspaper or broadcaster word ("Shafaq News", "Tehran Times") or holding an agency phrase ("News Agency",
 * "Media Group"). Such sources report or are quoted; they are not parties to the news.
 */
export function isMediaName(name: string): boolean {
  const l = norm(name)
    .replace(/^the\s+/, "")
    .replace(/['’]s$/, "");
  if (MEDIA_NAMES.has(l)) return true;
  const words = l.split(/\s+/);
  while (words.length > 1 && CORPORATE_TAILS.has(words[words.length - 1])) words.pop();
  if (MEDIA_HEADS.has(words[words.length - 1])) return true;
  return media.agencyPhrases.some((p) => l.includes(p));
}

/** Lower-case a token for lexicon look-ups (curly apostrophes made straight). */
export function lex(s: string): string {
  return norm(s);
}

/** True if the token (any case) is a country, region, city or demonym. */
export function isGazetteerWord(s: string): boolean {
  const l = norm(s);
  return COUNTRY_BY_SURFACE.has(l) || REGION_BY_SURFACE.has(l) || CITY_BY_SURFACE.has(l) || DEMONYMS.has(l);
}

/** Country (or region) a demonym or country word refers to, or null. */
export function countryOf(s: string): string | null {
  const l = norm(s);
  return COUNTRY_BY_SURFACE.get(l) ?? DEMONYMS.get(l) ?? REGION_BY_SURFACE.get(l) ?? null;
}
