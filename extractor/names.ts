// Person-name normalisation and comparison: spelling variants, particles and transliteration.
// Shared by identity resolution and by the evaluation, so both judge "same name" the same way.

const PARTICLES = new Set(["al", "el", "bin", "ibn", "bint", "ben", "abu", "de", "van", "von", "der"]);

/** Accents and other combining marks (a module constant, built once; see mentions.ts). */
const COMBINING_MARKS = /\p{M}/gu;

// Identity resolution compares every name with every other: the normalised forms are computed once per string.
const nameTokenCache = new Map<string, readonly string[]>();
const coreTokenCache = new Map<string, readonly string[]>();
const slugCache = new Map<string, string>();
/** Token pairs by their smaller token, then the larger: no key string to build and hash per comparison. */
const variantCache = new Map<string, Map<string, boolean>>();
let variantCount = 0;
/** The caches are dropped past this size, so a long-running server does not grow them without end. */
const CACHE_LIMIT = 100_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Lower case, accents stripped, apostrophes dropped, "al-"/"Al " particles detached. */
export function nameTokens(name: string): readonly string[] {
  let cached = nameTokenCache.get(name);
  if (!cached) {
    cached = remember(nameTokenCache, name, Object.freeze(computeNameTokens(name)));
  }
  return cached;
}

function computeNameTokens(name: string): string[] {
  const s = name
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/['’`ʼ]/g, "")
    .replace(/\b(al|el)-/g, "$1 ");
  return s.split(/[^a-z0-9-]+/).filter(Boolean);
}

/** Tokens that carry identity (particles removed). */
export function coreTokens(name: string): readonly string[] {
  let cached = coreTokenCache.get(name);
  if (!cached) {
    cached = remember(coreTokenCache, name, Object.freeze(nameTokens(name).filter((t) => !PARTICLES.has(t))));
  }
  return cached;
}

/** A coarse transliteration key: vowels, doubled letters and "h" after consonants dropped. */
export function skeleton(token: string): string {
  let s = token.replace(/-/g, "");
  s = s.replace(/gh/g, "q").replace(/[ck]/g, "k").replace(/w/g, "v");
  s = s.replace(/([bcdfgjklmnpqrstvwxyz])h/g, "$1");
  s = s.replace(/(.)\1+/g, "$1");
  const first = s[0] ?? "";
  return first + s.slice(1).replace(/[aeiouy]/g, "");
}

/** Jaro–Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a[i] !== b[j]) continue;
      ma[i] = mb[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let p = 0;
  while (p < Math.min(4, la, lb) && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/** True when two name tokens are spelling variants of each other (Qasim/Qassem, Shamkhani/Shamkani). */
export function tokenVariant(a: string, b: string): boolean {
  if (a === b) return true;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  let byHi = variantCache.get(lo);
  let known = byHi?.get(hi);
  if (known === undefined) {
    if (variantCount >= CACHE_LIMIT) {
      variantCache.clear();
      variantCount = 0;
      byHi = undefined;
    }
    if (!byHi) variantCache.set(lo, (byHi = new Map()));
    known = computeTokenVariant(a, b);
    byHi.set(hi, known);
    variantCount++;
  }
  return known;
}

function computeTokenVariant(a: string, b: string): boolean {
  const x = a.replace(/-/g, "");
  const y = b.replace(/-/g, "");
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 3) return false;
  const jw = jaroWinkler(x, y);
  if (jw >= 0.93) return true;
  return jw >= 0.82 && skeleton(x) === skeleton(y);
}

/**
 * Compares two full names: 1 = same person by name, 0 = different. The surnames (last core tokens) must be
 * variants and the given names must agree when both are present; a missing middle name is allowed
 * ("Mohammed al-Sudani" ~ "Mohammed Shia al-Sudani"), and tokens may be joined ("Amirabdollahian").
 */
export function sameFullName(a: string, b: string): boolean {
  const ta = coreTokens(a);
  const tb = coreTokens(b);
  if (!ta.length || !tb.length) return false;
  if (tokenVariant(ta.join(""), tb.join(""))) return true;
  if (ta.length < 2 || tb.length < 2) return false;
  // Surname may be written as one or two tokens ("Amir Abdollahian" / "Amir-Abdollahian").
  const surA = ta[ta.length - 1];
  const surB = tb[tb.length - 1];
  if (!tokenVariant(surA, surB)) return false;
  if (!tokenVariant(ta[0], tb[0])) return false;
  // Middle tokens: the shorter name's middle tokens must all appear in the longer one.
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const mid = short.slice(1, -1);
  const longMid = long.slice(1, -1);
  return mid.every((m) => longMid.some((x) => tokenVariant(m, x)));
}

/**
 * Whether a single-token mention can refer to a full name: it is the surname (or a joined surname such as
 * "Amirabdollahian" for "Amir Abdollahian"), possibly misspelled.
 */
export function surnameMatches(single: string, full: string): boolean {
  const s = coreTokens(single).join("");
  const t = coreTokens(full);
  if (!s || t.length < 2) return false;
  if (tokenVariant(s, t[t.length - 1])) return true;
  for (let k = 1; k < t.length - 1; k++) {
    if (tokenVariant(s, t.slice(k).join(""))) return true;
  }
  return false;
}

const PATRONYMIC = new Set(["bin", "ibn", "bint", "binti", "ben", "abu", "ould"]);

/**
 * Whether the shorter full name is the tail of the longer one ("Shehbaz Sharif" of "Muhammad Shehbaz Sharif"):
 * the same person named without the first given name. A tail after "bin" or "ibn" names the father
 * ("Hamad Al Thani" in "Tamim bin Hamad Al Thani"), so it never counts.
 */
export function isNameTail(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < 2 || short.length >= long.length || PARTICLES.has(short[0])) return false;
  const offset = long.length - short.length;
  if (PATRONYMIC.has(long[offset - 1])) return false;
  return short.every((t, k) => tokenVariant(t, long[offset + k]));
}

/** Whether a single token is the given name of a full name ("Prince Faisal" → "Faisal bin Farhan"). */
export function givenNameMatches(single: string, full: string): boolean {
  const s = coreTokens(single).join("");
  const t = coreTokens(full);
  return t.length >= 2 && !!s && tokenVariant(s, t[0]);
}

/** Stable slug for ids: "Nechirvan Barzani" → "nechirvan-barzani". */
export function slugify(s: string): string {
  return slugCache.get(s) ?? remember(slugCache, s, computeSlug(s));
}

function computeSlug(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(COMBINING_MARKS, "")
      .toLowerCase()
      .replace(/['’`ʼ]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "x"
  );
}
