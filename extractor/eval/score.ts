// Evaluation: scores an extraction against gold annotations (persons, meeting pairs, roles, identity, dates), by the
// rules the scorer states, so `npm run eval` prints the figures the targets are measured with: names
// matched one to one per article (exact, alias, first and last tokens, last token modulo "al"/"el"), pairs from
// every event's persons, lenient title subsets, B-cubed identity over matched persons, dates of events whose pair
// is a gold pair.

import type { ExtractionResult } from "../types";

export interface GoldMeeting {
  participants: string[];
  date: string | null;
  place: string | null;
}

export interface GoldArticle {
  persons: string[];
  meetings: GoldMeeting[];
  roles: [string, string][];
}

export interface GoldFile {
  note?: string;
  articles: Record<string, GoldArticle>;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ArticleDiff {
  article: string;
  missedPersons: string[];
  extraPersons: string[];
  missedPairs: string[];
  extraPairs: string[];
  missedRoles: string[];
  extraRoles: string[];
  wrongDates: string[];
  wrongPlaces: string[];
}

export interface Scores {
  articles: number;
  persons: PRF;
  pairs: PRF;
  roles: PRF;
  identity: PRF;
  dates: { matched: number; correct: number; accuracy: number };
  places: { matched: number; correct: number; accuracy: number };
  diffs: ArticleDiff[];
}

// ------------------------------------------------------------------------------------------------ normalisation

const SPECIAL_LETTERS: Record<string, string> = {
  ı: "i",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ə: "e",
  Ə: "E",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "TH",
};
const LEADING_HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "sheikh", "sayyid"]);
const TITLE_STOP = new Set(["the", "of", "a", "an", "and", "for", "s"]);

const COMBINING_MARKS = /\p{M}+/gu;
const NON_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;

function baseTokens(s: string): string[] {
  return s
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(/[ıłŁøØßæÆœŒəƏđĐðÐþÞ]/g, (c) => SPECIAL_LETTERS[c])
    .toLowerCase()
    .replace(NON_ALPHANUMERIC, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

function nameTokens(s: string): string[] {
  const t = baseTokens(s);
  while (t.length > 1 && LEADING_HONORIFICS.has(t[0])) t.shift();
  return t;
}

const normName = (s: string) => nameTokens(s).join(" ");

/** Normalised title tokens: lower case, diacritics and punctuation dropped, stop words ("the", "of", "'s") out. */
export function titleTokens(t: string): string[] {
  return [...new Set(baseTokens(t).filter((w) => !TITLE_STOP.has(w)))].sort();
}

/** Titles match when the words of one are all among the other's: lenient ("minister" ~ "foreign minister"). */
export function titlesMatch(a: string, b: string): boolean {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (!x.length || !y.length) return false;
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** 0 same name, 1 an alias is the name, 2 same first and last tokens, 3 the last differs by "al"/"el"; -1 none. */
function matchTier(forms: string[][], gold: string[]): number {
  const g = gold.join(" ");
  if (!g) return -1;
  if (forms[0]?.join(" ") === g) return 0;
  if (forms.slice(1).some((f) => f.join(" ") === g)) return 1;
  if (gold.length < 2) return -1;
  let best = -1;
  for (const f of forms) {
    if (f.length < 2 || f[0] !== gold[0]) continue;
    const [fl, gl] = [f[f.length - 1], gold[gold.length - 1]];
    if (fl === gl) return 2;
    if (["al", "el"].some((p) => fl === p + gl || gl === p + fl)) best = 3;
  }
  return best;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
function pairsOf(keys: string[]): string[] {
  const u = [...new Set(keys)];
  const out: string[] = [];
  for (let i = 0; i < u.length; i++) for (let j = i + 1; j < u.length; j++) out.push(pairKey(u[i], u[j]));
  return out;
}
const dateMatches = (pred: string | null, gold: string) =>
  !!pred && (pred === gold || (gold.length < 10 && pred.startsWith(`${gold}-`)));

// ------------------------------------------------------------------------------------------------ scoring

interface PredPerson {
  name: string;
  norm: string;
  ids: string[];
  forms: string[][];
  key?: string;
}

/**
 * Scores `result` against `gold` over the articles both contain (matched by file stem, e.g. "d01"). Persons,
 * pairs and roles are micro-averaged; identity is B-cubed over matched (article, person) items; dates count
 * predicted events that share a gold pair with a dated gold meeting.
 */
export function scoreExtraction(result: ExtractionResult, gold: GoldFile): Scores {
  const actorById = new Map(result.actors.map((a) => [a.id, a]));
  const isPerson = (id: string) => actorById.get(id)?.kind === "person";
  const articleOfStem = new Map<string, string>();
  for (const a of result.articles) {
    const stem = (a.file.replace(/\\/g, "/").split("/").pop() ?? a.file).replace(/\.[^.]*$/, "");
    if (!articleOfStem.has(stem)) articleOfStem.set(stem, a.id);
  }
  const totals = { persons: [0, 0, 0], pairs: [0, 0, 0], roles: [0, 0, 0, 0] };
  const items: { gold: string; actor: string }[] = [];
  let datesConsidered = 0,
    datesCorrect = 0,
    placesConsidered = 0,
    placesCorrect = 0,
    scored = 0;
  const diffs: ArticleDiff[] = [];

  for (const [stem, g] of Object.entries(gold.articles)) {
    const aid = articleOfStem.get(stem);
    if (aid === undefined) continue;
    scored++;
    const diff: ArticleDiff = {
      article: stem,
      missedPersons: [],
      extraPersons: [],
      missedPairs: [],
      extraPairs: [],
      missedRoles: [],
      extraRoles: [],
      wrongDates: [],
      wrongPlaces: [],
    };

    // Gold persons: named persons, meeting participants and role holders, once each.
    const goldNames: string[] = [];
    for (const n of [...g.persons, ...g.meetings.flatMap((m) => m.participants), ...g.roles.map((r) => r[0])])
      if (!goldNames.some((x) => normName(x) === normName(n))) goldNames.push(n);
    const goldToks = goldNames.map(nameTokens);

    // Predicted persons: mentioned in the article or used by its roles and events; same-name actors count once.
    const roles = result.roles.filter((r) => r.article === aid);
    const events = result.events.filter((e) => e.article === aid);
    const inArticle = new Set<string>();
    for (const a of result.actors)
      if (a.kind === "person" && a.mentions.some((m) => m.article === aid)) inArticle.add(a.id);
    for (const r of roles) if (isPerson(r.actor)) inArticle.add(r.actor);
    for (const e of events) for (const p of e.participants) if (isPerson(p)) inArticle.add(p);
    const preds: PredPerson[] = [];
    const predOfActor = new Map<string, PredPerson>();
    for (const a of result.actors) {
      if (!inArticle.has(a.id)) continue;
      const norm = normName(a.name);
      let p = preds.find((x) => x.norm === norm);
      if (p) p.ids.push(a.id);
      else {
        p = { name: a.name, norm, ids: [a.id], forms: [nameTokens(a.name)] };
        preds.push(p);
      }
      for (const alias of a.aliases) p.forms.push(nameTokens(alias));
      predOfActor.set(a.id, p);
    }

    // One-to-one matching, strongest tier first.
    const edges: [number, number, number][] = [];
    preds.forEach((p, pi) =>
      goldToks.forEach((gt, gi) => {
        const tier = matchTier(p.forms, gt);
        if (tier >= 0) edges.push([tier, gi, pi]);
      }),
    );
    edges.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    const goldOfPred = new Map<number, number>();
    const predOfGold = new Map<number, number>();
    for (const [, gi, pi] of edges) {
      if (goldOfPred.has(pi) || predOfGold.has(gi)) continue;
      goldOfPred.set(pi, gi);
      predOfGold.set(gi, pi);
    }
    preds.forEach((p, pi) => {
      p.key = goldOfPred.has(pi) ? `gold:${normName(goldNames[goldOfPred.get(pi)!])}` : `pred:${p.norm}`;
    });
    totals.persons[0] += goldOfPred.size;
    totals.persons[1] += preds.length;
    totals.persons[2] += goldNames.length;
    goldNames.forEach((n, gi) => predOfGold.has(gi) || diff.missedPersons.push(n));
    preds.forEach((p, pi) => goldOfPred.has(pi) || diff.extraPersons.push(p.name));
    for (const [pi, gi] of goldOfPred) items.push({ gold: normName(goldNames[gi]), actor: preds[pi].ids[0] });
    const keyOf = (id: string) => predOfActor.get(id)?.key;
    const label = (k: string) =>
      k.startsWith("gold:") ? (goldNames.find((n) => `gold:${normName(n)}` === k) ?? k) : `${k.slice(5)} (unmatched)`;

    // Meeting pairs, and the dates and places of events that share a gold pair.
    const goldPairs = new Map<string, GoldMeeting[]>();
    for (const m of g.meetings)
      for (const k of pairsOf(m.participants.map((n) => `gold:${normName(n)}`)))
        goldPairs.set(k, [...(goldPairs.get(k) ?? []), m]);
    const predPairs = new Set<string>();
    for (const e of events) {
      const keys = pairsOf(
        e.participants
          .filter(isPerson)
          .map(keyOf)
          .filter((k): k is string => !!k),
      );
      keys.forEach((k) => predPairs.add(k));
      const meetings = keys.flatMap((k) => goldPairs.get(k) ?? []);
      const dates = [...new Set(meetings.map((m) => m.date).filter((d): d is string => !!d))];
      if (dates.length) {
        datesConsidered++;
        if (dates.some((d) => dateMatches(e.date, d))) datesCorrect++;
        else diff.wrongDates.push(`${e.id}: ${e.date} (gold ${dates.join(" or ")})`);
      }
      const places = [...new Set(meetings.map((m) => m.place).filter((p): p is string => !!p))];
      if (places.length) {
        placesConsidered++;
        if (places.some((p) => p.toLowerCase() === (e.place ?? "").toLowerCase())) placesCorrect++;
        else diff.wrongPlaces.push(`${e.id}: ${e.place} (gold ${places.join(" or ")})`);
      }
    }
    let pairTp = 0;
    for (const k of predPairs) {
      if (goldPairs.has(k)) pairTp++;
      else diff.extraPairs.push(k.split("\u0000").map(label).join(" + "));
    }
    for (const k of goldPairs.keys())
      if (!predPairs.has(k)) diff.missedPairs.push(k.split("\u0000").map(label).join(" + "));
    totals.pairs[0] += pairTp;
    totals.pairs[1] += predPairs.size;
    totals.pairs[2] += goldPairs.size;

    // Roles: (person, title) on both sides, de-duplicated; precision over predicted, recall over gold.
    type RoleItem = { person: string; toks: string[]; text: string };
    const dedupe = (list: RoleItem[]) =>
      list.filter(
        (r, i) => list.findIndex((x) => x.person === r.person && x.toks.join(" ") === r.toks.join(" ")) === i,
      );
    const goldRoles = dedupe(
      g.roles.map(([n, t]) => ({ person: `gold:${normName(n)}`, toks: titleTokens(t), text: `${n} — ${t}` })),
    );
    const predRoles = dedupe(
      roles
        .filter((r) => isPerson(r.actor))
        .map((r) => ({
          person: keyOf(r.actor) ?? `pred:${r.actor}`,
          toks: titleTokens(r.title),
          text: `${actorById.get(r.actor)!.name} — ${r.title}`,
        })),
    );
    const sameRole = (a: RoleItem, b: RoleItem) =>
      a.person === b.person &&
      a.toks.length > 0 &&
      b.toks.length > 0 &&
      (a.toks.every((w) => b.toks.includes(w)) || b.toks.every((w) => a.toks.includes(w)));
    let predOk = 0,
      goldOk = 0;
    for (const r of predRoles) {
      if (goldRoles.some((x) => sameRole(r, x))) predOk++;
      else diff.extraRoles.push(r.text);
    }
    for (const r of goldRoles) {
      if (predRoles.some((x) => sameRole(r, x))) goldOk++;
      else diff.missedRoles.push(r.text);
    }
    totals.roles[0] += predOk;
    totals.roles[1] += predRoles.length;
    totals.roles[2] += goldOk;
    totals.roles[3] += goldRoles.length;
    diffs.push(diff);
  }

  // B-cubed over the matched items: gold cluster = gold name, predicted cluster = actor id.
  const count = (f: (x: (typeof items)[number]) => string) => {
    const m = new Map<string, number>();
    for (const it of items) m.set(f(it), (m.get(f(it)) ?? 0) + 1);
    return m;
  };
  const byActor = count((x) => x.actor);
  const byGold = count((x) => x.gold);
  const byBoth = count((x) => `${x.actor}\u0000${x.gold}`);
  let bp = 0,
    br = 0;
  for (const it of items) {
    const both = byBoth.get(`${it.actor}\u0000${it.gold}`)!;
    bp += both / byActor.get(it.actor)!;
    br += both / byGold.get(it.gold)!;
  }
  const idP = items.length ? bp / items.length : 0;
  const idR = items.length ? br / items.length : 0;

  const [pTp, pPred, pGold] = totals.persons;
  const [mTp, mPred, mGold] = totals.pairs;
  const [rOk, rPred, rFound, rGold] = totals.roles;
  const rolesP = rPred ? rOk / rPred : 0;
  const rolesR = rGold ? rFound / rGold : 0;
  return {
    articles: scored,
    persons: prf(pTp, pPred - pTp, pGold - pTp),
    pairs: prf(mTp, mPred - mTp, mGold - mTp),
    roles: {
      tp: rOk,
      fp: rPred - rOk,
      fn: rGold - rFound,
      precision: rolesP,
      recall: rolesR,
      f1: rolesP + rolesR ? (2 * rolesP * rolesR) / (rolesP + rolesR) : 0,
    },
    identity: {
      tp: items.length,
      fp: 0,
      fn: 0,
      precision: idP,
      recall: idR,
      f1: idP + idR ? (2 * idP * idR) / (idP + idR) : 0,
    },
    dates: {
      matched: datesConsidered,
      correct: datesCorrect,
      accuracy: datesConsidered ? datesCorrect / datesConsidered : 1,
    },
    places: {
      matched: placesConsidered,
      correct: placesCorrect,
      accuracy: placesConsidered ? placesCorrect / placesConsidered : 1,
    },
    diffs,
  };
}
