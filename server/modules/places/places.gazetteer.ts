/**
 * Place gazetteer
 * ===============
 *
 * Finds coordinates for places and countries offline, from the extractor's own world tables (extractor/data/:
 * world-cities.tsv, every city of 50,000 people or more; world-countries.json with each country's centre point; and
 * the hand-written coordinates in places.json for regions the tables lack). A place is matched by its name and
 * aliases; a name the tables hold in several countries (two Tripolis) is settled by the place's country, and when
 * nothing settles it the place is left unplaced and its candidates go to the review queue. No database here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../../config.js";
import type { GeoSource } from "../../../contracts/places.js";

const DATA_DIR = path.join(ROOT_DIR, "extractor", "data");

/** A city of the world table. */
export interface GazetteerCity {
  /** `geo:<country code>:<slug>`: the id a review suggestion offers as a candidate. */
  id: string;
  name: string;
  /** ISO 3166 alpha-2, upper case. */
  country: string;
  population: number;
  lat: number;
  lon: number;
}

/** What the map needs to know about a place or country to locate it. */
export interface PlaceToLocate {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  /** The countries it belongs to (IN_COUNTRY), nearest first: a region's state follows the region. */
  countries: { name: string; aliases: string[] }[];
}

export type Location =
  | { outcome: "located"; lat: number; lon: number; source: GeoSource }
  /** Several cities of that name in different countries and nothing to choose: one candidate per country. */
  | { outcome: "ambiguous"; candidates: GazetteerCity[] }
  | { outcome: "unknown" };

/**
 * The biggest city of a name is taken without asking when it is this many times bigger than every namesake
 * elsewhere (London, England over London, Ontario); closer calls (Tripoli, Libya and Tripoli, Lebanon) are asked.
 */
export const CLEAR_LEAD = 10;

/** At most this many candidates (countries) are offered for one ambiguous name. */
const MAX_CANDIDATES = 6;

/** Arabic articles and "the" in front of a name: "As Sulaymaniyah" is Sulaymaniyah, "Al Basrah" is Basrah. */
const LEADING_ARTICLE = /^(?:al|as|an|ar|ad|at|ash|az|el|the) /;

/** Folds case, diacritics, apostrophes, hyphens and spacing, so spellings of one name meet. */
export function placeKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’`']/g, "")
    .replace(/[-‐–—_.,]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The keys a name is looked up by: as written, and without a leading article. */
function keysOf(name: string): string[] {
  const key = placeKey(name);
  const bare = key.replace(LEADING_ARTICLE, "");
  return bare !== key && bare ? [key, bare] : [key];
}

const slug = (name: string) =>
  placeKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "place";

interface CountryEntry {
  code: string;
  lat: number;
  lon: number;
}

/** The loaded tables, indexed by key. */
interface Tables {
  countries: Map<string, CountryEntry>;
  cities: Map<string, GazetteerCity[]>;
  /** Cities by candidate id (the biggest city of a name in a country). */
  byId: Map<string, GazetteerCity>;
  /** Hand-written coordinates of regions and other places the tables lack. */
  hand: Map<string, [number, number]>;
}

let tables: Tables | null = null;

interface WorldCountryRow {
  name: string;
  code: string;
  aliases: string[];
  lat?: number;
  lon?: number;
}

interface HandPlaces {
  countries: Record<string, string[]>;
  coordinates?: Record<string, [number, number]>;
}

/** Reads the tables once (about 9,000 cities: a few milliseconds). */
function loadTables(): Tables {
  const world = JSON.parse(readFileSync(path.join(DATA_DIR, "world-countries.json"), "utf8")) as WorldCountryRow[];
  const hand = JSON.parse(readFileSync(path.join(DATA_DIR, "places.json"), "utf8")) as HandPlaces;
  const countries = new Map<string, CountryEntry>();
  for (const c of world) {
    if (c.lat === undefined || c.lon === undefined) continue;
    const entry = { code: c.code, lat: c.lat, lon: c.lon };
    for (const name of [c.name, ...c.aliases]) for (const key of keysOf(name)) countries.set(key, entry);
  }
  // The hand table's spellings ("Türkiye", "U.S.") name the same countries as the world table's canonical names.
  for (const [name, aliases] of Object.entries(hand.countries)) {
    const entry = countries.get(placeKey(name));
    if (!entry) continue;
    for (const alias of aliases) for (const key of keysOf(alias)) if (!countries.has(key)) countries.set(key, entry);
  }

  const cities = new Map<string, GazetteerCity[]>();
  const byId = new Map<string, GazetteerCity>();
  const lines = readFileSync(path.join(DATA_DIR, "world-cities.tsv"), "utf8").split("\n");
  // Rows come biggest first, so the first city of a name in a country is the one its candidate id stands for.
  for (const line of lines.slice(1)) {
    const [name, country, population, lat, lon] = line.split("\t");
    if (!name || !country || lat === undefined || lon === undefined) continue;
    const city: GazetteerCity = {
      id: `geo:${country.toLowerCase()}:${slug(name)}`,
      name,
      country,
      population: Number(population),
      lat: Number(lat),
      lon: Number(lon),
    };
    if (!Number.isFinite(city.lat) || !Number.isFinite(city.lon)) continue;
    if (!byId.has(city.id)) byId.set(city.id, city);
    for (const key of keysOf(name)) {
      const list = cities.get(key);
      if (list) list.push(city);
      else cities.set(key, [city]);
    }
  }

  const handCoordinates = new Map<string, [number, number]>();
  for (const [name, point] of Object.entries(hand.coordinates ?? {}))
    for (const key of keysOf(name)) handCoordinates.set(key, point);
  return { countries, cities, byId, hand: handCoordinates };
}

function load(): Tables {
  return (tables ??= loadTables());
}

/** The world table's country a name or alias names, if any. */
function countryOf(names: string[]): CountryEntry | undefined {
  const { countries } = load();
  for (const name of names)
    for (const key of keysOf(name)) {
      const entry = countries.get(key);
      if (entry) return entry;
    }
  return undefined;
}

/** Hand-written coordinates for one of the names, if any. */
function handPoint(names: string[]): [number, number] | undefined {
  const { hand } = load();
  for (const name of names)
    for (const key of keysOf(name)) {
      const point = hand.get(key);
      if (point) return point;
    }
  return undefined;
}

/** The city a review candidate id stands for. */
export function cityById(id: string): GazetteerCity | undefined {
  return load().byId.get(id);
}

/** Locates one place or country; see the module comment for the rules. */
export function locate(place: PlaceToLocate): Location {
  const names = [place.name, ...place.aliases];
  const located = (lat: number, lon: number, source: GeoSource): Location => ({ outcome: "located", lat, lon, source });
  // The nearest country in the chain that the tables know: its code settles namesakes, its point is the fallback.
  const chain = place.countries.map((c) => ({ entry: countryOf([c.name, ...c.aliases]), hand: handPoint([c.name]) }));
  const codes = new Set(chain.flatMap((c) => (c.entry ? [c.entry.code] : [])));
  const fallback = chain.map((c) => c.hand ?? (c.entry ? ([c.entry.lat, c.entry.lon] as [number, number]) : null));
  const countryPoint = fallback.find((p) => p !== null) ?? null;

  if (place.type === "country") {
    const own = countryOf(names);
    if (own) return located(own.lat, own.lon, "gazetteer");
    const point = handPoint(names);
    if (point) return located(point[0], point[1], "gazetteer");
    return countryPoint ? located(countryPoint[0], countryPoint[1], "country") : { outcome: "unknown" };
  }

  const point = handPoint(names);
  if (point) return located(point[0], point[1], "gazetteer");
  const seen = new Set<GazetteerCity>();
  const { cities } = load();
  for (const name of names) for (const key of keysOf(name)) for (const city of cities.get(key) ?? []) seen.add(city);
  const candidates = [...seen].sort((a, b) => b.population - a.population);

  if (codes.size > 0) {
    const inCountry = candidates.find((c) => codes.has(c.country));
    if (inCountry) return located(inCountry.lat, inCountry.lon, "gazetteer");
    // A town too small for the table: its country is the closest the map can say.
    return countryPoint ? located(countryPoint[0], countryPoint[1], "country") : { outcome: "unknown" };
  }
  if (countryPoint) {
    // Its countries are known only to the hand table (no code to settle namesakes by): their point.
    return located(countryPoint[0], countryPoint[1], "country");
  }
  if (candidates.length === 0) return { outcome: "unknown" };
  const biggestPerCountry = new Map<string, GazetteerCity>();
  for (const c of candidates) if (!biggestPerCountry.has(c.country)) biggestPerCountry.set(c.country, c);
  const [first, second] = [...biggestPerCountry.values()];
  if (!second || first!.population >= CLEAR_LEAD * second.population)
    return located(first!.lat, first!.lon, "gazetteer");
  return {
    outcome: "ambiguous",
    candidates: [...biggestPerCountry.values()].slice(0, MAX_CANDIDATES).map((c) => byIdOf(c)),
  };
}

/** The city a candidate id resolves to (the biggest of that name in its country, the same as `cityById`). */
function byIdOf(city: GazetteerCity): GazetteerCity {
  return load().byId.get(city.id) ?? city;
}
