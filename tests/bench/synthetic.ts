/**
 * Synthetic datasets
 * ==================
 *
 * Builds a realistic diplomatic network in the import format from a seed, deterministically and without I/O:
 * regions of countries with governments and ministries, people holding dated offices, encounters and agreements
 * whose participation is heavy-tailed (preferential attachment inside regions, some cross-region traffic), over
 * 25 years, with topics and citations to synthetic articles. Used by `npm run gen`, the benchmark and tests.
 */
import type { ImportFileInput } from "../../contracts/import-format.js";

/** What to generate; `actors` counts people, governments, organisations and countries together. */
export interface SyntheticOptions {
  actors: number;
  events: number;
  seed: number;
  /** First and last year of event dates (25 years by default). */
  fromYear?: number;
  toYear?: number;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Seeded randomness: mulberry32 is tiny, fast and good enough for test data; Math.random is never used, so a seed
 * always gives the same file.
 * -------------------------------------------------------------------------------------------------------------- */

/** A seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const intBetween = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
/** Zipf-like index in [0, n): small indexes are much more likely (topics, article reuse). */
const zipf = (rng: Rng, n: number): number => Math.min(n - 1, Math.floor(n * Math.pow(rng(), 2.5)));
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/* ----------------------------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------------------------- */

const SYLLABLES = [
  "ka",
  "lo",
  "mir",
  "an",
  "dor",
  "el",
  "va",
  "ris",
  "tan",
  "zu",
  "ber",
  "ol",
  "sa",
  "nik",
  "ra",
  "mo",
  "te",
  "gal",
  "ish",
  "or",
  "un",
  "ve",
  "ya",
  "kel",
];
const COUNTRY_SUFFIXES = ["ia", "land", "stan", "ora", "istan", "ovia", "ana", "ica"];
const REGION_NAMES = [
  "North",
  "South",
  "East",
  "West",
  "Central",
  "Highland",
  "Coastal",
  "Island",
  "Steppe",
  "Delta",
  "Lake",
  "Desert",
];
const MINISTRIES = ["foreign", "defence", "energy", "trade", "interior", "finance", "water", "transport"];
const TOPICS = [
  "trade",
  "energy",
  "security",
  "border",
  "water",
  "oil",
  "gas",
  "transport",
  "refugees",
  "investment",
  "tourism",
  "education",
  "health",
  "agriculture",
  "customs",
  "railways",
  "electricity",
  "counter-terrorism",
  "fisheries",
  "culture",
  "elections",
  "sanctions",
  "aviation",
  "mining",
  "climate",
  "telecoms",
  "banking",
  "ports",
  "pipelines",
  "visas",
];
/** Encounters dominate, as in news coverage; statements do not feed MET. Weights sum to 100. */
const EVENT_KINDS: readonly [string, number][] = [
  ["meeting", 34],
  ["visit", 20],
  ["talks", 14],
  ["phone_call", 16],
  ["signing", 5],
  ["press_conference", 5],
  ["statement", 6],
];
const AGREEMENT_KINDS = ["memorandum", "agreement", "declaration", "treaty", "pact"];
const PUBLISHERS = ["Synthetic Press", "Example Wire", "Daily Model", "Region Herald", "Capital Times"];

function weighted(rng: Rng, table: readonly [string, number][]): string {
  let r = rng() * 100;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[0]![0];
}

function word(rng: Rng, syllables: number): string {
  let s = "";
  for (let i = 0; i < syllables; i++) s += pick(rng, SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/* ----------------------------------------------------------------------------------------------------------------
 * Generator
 * -------------------------------------------------------------------------------------------------------------- */

interface Country {
  index: number;
  id: string;
  region: number;
  gov: string;
  capital: string;
  /** Actor ids of this country (government, ministries, people); hubs are listed first. */
  actors: string[];
  cx: number;
  cy: number;
}

/**
 * Generates a dataset: about `actors` actors and exactly `events` events (plus agreements produced by signings).
 * The same options always give the same file.
 */
export function generateSynthetic(
  options: SyntheticOptions,
): ImportFileInput & { nodes: NonNullable<ImportFileInput["nodes"]> } {
  const rng = mulberry32(options.seed);
  const actorsWanted = Math.max(20, Math.floor(options.actors));
  const eventsWanted = Math.max(0, Math.floor(options.events));
  const fromDay = Math.floor(Date.UTC(options.fromYear ?? 2000, 0, 1) / 86_400_000);
  const toDay = Math.floor(Date.UTC(options.toYear ?? 2024, 11, 31) / 86_400_000);

  // About 1 country per 400 actors, between 4 and 250, grouped in 3–12 regions.
  const countryCount = Math.min(250, Math.max(4, Math.round(actorsWanted / 400)));
  const regionCount = Math.min(REGION_NAMES.length, Math.max(3, Math.round(Math.sqrt(countryCount))));
  // Articles are cited by events and roles; ~1 per 20 events keeps the file small and citations reused.
  const articleCount = Math.max(5, Math.min(5_000, Math.ceil(eventsWanted / 20)));

  const nodes: NonNullable<ImportFileInput["nodes"]> = [];
  const roles: NonNullable<ImportFileInput["roles"]> = [];
  const articles: NonNullable<ImportFileInput["articles"]> = [];
  const usedNames = new Set<string>();
  const uniqueName = (make: () => string): string => {
    for (let i = 0; i < 20; i++) {
      const name = make();
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    const name = `${make()} ${usedNames.size}`;
    usedNames.add(name);
    return name;
  };
  const cite = () => {
    const start = intBetween(rng, 0, 4_000);
    return [
      {
        article: `art-${pad(zipf(rng, articleCount), 5)}`,
        paragraph: intBetween(rng, 0, 30),
        start,
        end: start + intBetween(rng, 40, 400),
        by: "synthetic",
      },
    ];
  };

  for (let i = 0; i < articleCount; i++) {
    const day = intBetween(rng, fromDay, toDay);
    articles.push({
      id: `art-${pad(i, 5)}`,
      title: `Synthetic report ${i + 1}`,
      publisher: pick(rng, PUBLISHERS),
      published: isoDay(day),
      publishedPrecision: "day",
      language: "en",
    });
  }

  for (const t of TOPICS) nodes.push({ id: `topic-${t}`, type: "topic", name: t.charAt(0).toUpperCase() + t.slice(1) });

  // Countries on a ring of regions, so stored positions show communities without any layout.
  const countries: Country[] = [];
  for (let i = 0; i < countryCount; i++) {
    const region = i % regionCount;
    const angle = (2 * Math.PI * region) / regionCount + (rng() - 0.5) * (Math.PI / regionCount);
    const radius = 600 + rng() * 400;
    const id = `c-${pad(i, 3)}`;
    const name = uniqueName(() => word(rng, 2) + pick(rng, COUNTRY_SUFFIXES));
    const country: Country = {
      index: i,
      id,
      region,
      gov: `gov-${id}`,
      capital: `city-${id}`,
      actors: [],
      cx: Math.cos(angle) * radius,
      cy: Math.sin(angle) * radius,
    };
    countries.push(country);
    // Invented countries are in no gazetteer: the file places them itself (spread over the inhabited latitudes by
    // index, not by the random stream, so every other value of a size stays as it was before maps).
    const [lat, lon] = [((i * 37) % 110) - 45, ((i * 71) % 340) - 170];
    nodes.push({
      id,
      type: "country",
      name,
      properties: { region: REGION_NAMES[region]!, synthetic: true },
      x: country.cx,
      y: country.cy,
      lat,
      lon,
    });
    nodes.push({
      id: country.gov,
      type: "government",
      name: `Government of ${name}`,
      country: id,
      x: country.cx + 5,
      y: country.cy + 5,
    });
    nodes.push({
      id: country.capital,
      type: "place",
      kind: "city",
      name: `${word(rng, 2)} City`,
      country: id,
      lat: lat + 1.5,
      lon: lon + 1.5,
    });
    country.actors.push(country.gov, id);
  }

  const jitter = (c: Country, spread: number) => ({
    x: c.cx + (rng() - 0.5) * spread,
    y: c.cy + (rng() - 0.5) * spread,
  });
  const ministriesOf = new Map<string, string[]>();
  const countryName = new Map(nodes.filter((n) => n.type === "country").map((n) => [n.id, n.name]));
  for (const c of countries) {
    const list: string[] = [];
    for (const m of MINISTRIES) {
      const id = `min-${c.id}-${m}`;
      list.push(id);
      nodes.push({
        id,
        type: "organization",
        kind: "ministry",
        name: `Ministry of ${m.charAt(0).toUpperCase() + m.slice(1)} of ${countryName.get(c.id)!}`,
        country: c.id,
        partOf: c.gov,
        ...jitter(c, 60),
      });
      c.actors.push(id);
    }
    ministriesOf.set(c.id, list);
  }

  // People fill the rest of the actor budget, spread over countries with a skew (big and small countries).
  const institutions = countryCount * (2 + MINISTRIES.length);
  const people = Math.max(countryCount, actorsWanted - institutions);
  for (let i = 0; i < people; i++) {
    const c = i < countryCount ? countries[i]! : countries[zipf(rng, countryCount)]!;
    const id = `p-${pad(i, 6)}`;
    nodes.push({
      id,
      type: "person",
      name: uniqueName(() => `${word(rng, 2)} ${word(rng, intBetween(rng, 2, 3))}`),
      ...jitter(c, 200),
    });
    c.actors.push(id);
    // Dated offices: the first person of each country leads it; others sit in ministries, some changing office.
    const officeCount = rng() < 0.25 ? 2 : 1;
    let since = intBetween(rng, fromDay - 3_650, toDay - 365);
    for (let k = 0; k < officeCount; k++) {
      const until = since + intBetween(rng, 365, 3_000);
      const head = i < countryCount && k === 0;
      const ministry = pick(rng, ministriesOf.get(c.id)!);
      roles.push({
        person: id,
        title: head
          ? "President"
          : `${pick(rng, ["Minister", "Deputy Minister", "Adviser", "Director", "Envoy"])} (${ministry.split("-").at(-1)})`,
        of: head ? c.gov : ministry,
        since: isoDay(since),
        ...(until < toDay ? { until: isoDay(until) } : {}),
        evidence: rng() < 0.3 ? cite() : [],
      });
      since = until + intBetween(rng, 0, 400);
    }
  }

  // Preferential attachment per region: each participation appends the actor to its region's urn, so actors that
  // took part often are drawn often. Governments and a few ministries start with a head start (the hubs).
  const urns: string[][] = Array.from({ length: regionCount }, () => []);
  const countryOf = new Map<string, Country>();
  for (const c of countries) {
    for (const a of c.actors) countryOf.set(a, c);
    urns[c.region]!.push(c.gov, c.gov, c.gov, c.id, `min-${c.id}-foreign`, `min-${c.id}-foreign`);
  }
  const byRegion = Array.from({ length: regionCount }, (_, r) => countries.filter((c) => c.region === r));
  const draw = (region: number): string => {
    const urn = urns[region]!;
    // 60 % preferential, 40 % uniform over a random country's actors, so new small actors keep appearing.
    if (rng() < 0.6 && urn.length > 0) return urn[Math.floor(rng() * urn.length)]!;
    const regional = byRegion[region]!;
    const c = regional.length ? pick(rng, regional) : pick(rng, countries);
    return pick(rng, c.actors);
  };

  let agreementCount = 0;
  for (let i = 0; i < eventsWanted; i++) {
    const kind = weighted(rng, EVENT_KINDS);
    const day = intBetween(rng, fromDay, toDay);
    const host = countries[zipf(rng, countryCount)]!;
    // Most encounters stay inside a region; a quarter cross regions.
    const guestRegion = rng() < 0.75 ? host.region : intBetween(rng, 0, regionCount - 1);
    const size =
      kind === "talks" || kind === "signing" ? intBetween(rng, 2, rng() < 0.1 ? 8 : 4) : kind === "statement" ? 1 : 2;
    const chosen = new Set<string>();
    for (let tries = 0; chosen.size < size && tries < size * 6; tries++)
      chosen.add(draw(chosen.size === 0 ? host.region : guestRegion));
    const participants = [...chosen].map((actor, k) => ({
      actor,
      role: (kind === "statement" ? "speaker" : k === 0 ? "host" : "guest") as "speaker" | "host" | "guest",
    }));
    for (const p of participants) urns[countryOf.get(p.actor)!.region]!.push(p.actor);

    const topicCount = rng() < 0.3 ? 2 : 1;
    const topics = [...new Set(Array.from({ length: topicCount }, () => `topic-${TOPICS[zipf(rng, TOPICS.length)]}`))];
    const id = `evt-${pad(i, 7)}`;
    const produced: string[] = [];
    if (kind === "signing" && participants.length >= 2) {
      const agreement = `agr-${pad(agreementCount++, 6)}`;
      produced.push(agreement);
      nodes.push({
        id: agreement,
        type: "agreement",
        kind: pick(rng, AGREEMENT_KINDS),
        name: `${topics[0]!.slice(6)} agreement ${agreementCount}`,
        status: pick(rng, ["signed", "in_force", "implemented", "expired"] as const),
        date: isoDay(day),
        datePrecision: "day",
        parties: participants.map((p) => p.actor),
        topics,
        evidence: cite(),
      });
    }
    nodes.push({
      id,
      type: "event",
      kind,
      name: `${kind.replace("_", " ")} ${i + 1}`,
      date: isoDay(day),
      datePrecision: "day",
      place: host.capital,
      topics,
      participants,
      produced,
      evidence: cite(),
    });
  }

  return {
    format: "parley-import",
    version: 1,
    title: `Synthetic dataset (actors ${actorsWanted}, events ${eventsWanted}, seed ${options.seed})`,
    articles,
    nodes,
    roles,
    quantities: [],
  };
}

/** Participations per actor in a generated file (for checks of the degree distribution). */
export function participationDegrees(file: ReturnType<typeof generateSynthetic>): Map<string, number> {
  const degrees = new Map<string, number>();
  for (const n of file.nodes)
    for (const p of n.participants ?? []) degrees.set(p.actor, (degrees.get(p.actor) ?? 0) + 1);
  return degrees;
}
