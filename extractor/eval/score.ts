// Evaluation: scores an extraction against gold annotations (persons, meeting pairs, roles, identity, dates).
// Matching is by name similarity (the same rules as the extractor's identity), one-to-one per article.

import { coreTokens, sameFullName, surnameMatches } from "../names";
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

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

function namesMatch(pred: string, gold: string): boolean {
  if (coreTokens(pred).length >= 2) return sameFullName(pred, gold);
  return surnameMatches(pred, gold) || sameFullName(pred, gold);
}

const ABBREV: [RegExp, string][] = [
  [/\bfm\b/g, "foreign minister"],
  [/\bpm\b/g, "prime minister"],
  [/\bdefence\b/g, "defense"],
  [/\borganization\b/g, "organisation"],
];
const TITLE_STOP = new Set(["the", "of", "to", "in", "for", "and", "a", "an"]);

/** Normalised title tokens: lower case, "the" and punctuation dropped, abbreviations expanded. */
export function titleTokens(t: string): string[] {
  let s = t.toLowerCase().replace(/[’`]/g, "'").replace(/'s\b/g, "");
  for (const [re, to] of ABBREV) s = s.replace(re, to);
  return s.split(/[^a-z0-9]+/).filter((w) => w && !TITLE_STOP.has(w));
}

/** Titles match when their content words overlap strongly (Dice ≥ 0.8), so "(MIT)" or "the" do not count. */
export function titlesMatch(a: string, b: string): boolean {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (!x.length || !y.length) return false;
  const ys = [...y];
  let common = 0;
  for (const w of x) {
    const k = ys.indexOf(w);
    if (k >= 0) {
      common++;
      ys.splice(k, 1);
    }
  }
  return (2 * common) / (x.length + y.length) >= 0.8;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} + ${b}` : `${b} + ${a}`;
}

/**
 * Scores `result` against `gold` over the articles both contain (article ids are file stems such as "d01").
 * Persons, pairs and roles are micro-averaged; identity is B-cubed over (article, person) items; dates and
 * places are accuracies over gold meetings matched to predicted events by participant overlap.
 */
export function scoreExtraction(result: ExtractionResult, gold: GoldFile): Scores {
  let pTP = 0,
    pFP = 0,
    pFN = 0;
  let mTP = 0,
    mFP = 0,
    mFN = 0;
  let rTP = 0,
    rFP = 0,
    rFN = 0;
  let dMatched = 0,
    dCorrect = 0,
    plMatched = 0,
    plCorrect = 0;
  const diffs: ArticleDiff[] = [];
  // Identity items: gold cluster and predicted cluster of each (article, person).
  const items: { gold: string; pred: string }[] = [];
  let scored = 0;

  for (const art of result.articles) {
    const g = gold.articles[art.id];
    if (!g) continue;
    scored++;
    const diff: ArticleDiff = {
      article: art.id,
      missedPersons: [],
      extraPersons: [],
      missedPairs: [],
      extraPairs: [],
      missedRoles: [],
      extraRoles: [],
      wrongDates: [],
      wrongPlaces: [],
    };
    const preds = result.actors
      .filter((x) => x.kind === "person" && x.mentions.some((m) => m.article === art.id))
      .map((x) => ({
        id: x.id,
        names: [x.name, ...new Set(x.mentions.filter((m) => m.article === art.id).map((m) => m.text))],
      }));
    const goldOf = new Map<string, string>();
    const taken = new Set<string>();
    for (const gp of g.persons) {
      const exact = preds.find(
        (p) => !taken.has(p.id) && p.names.some((n) => coreTokens(n).length >= 2 && sameFullName(n, gp)),
      );
      const loose = exact ?? preds.find((p) => !taken.has(p.id) && p.names.some((n) => namesMatch(n, gp)));
      if (loose) {
        taken.add(loose.id);
        goldOf.set(loose.id, gp);
        pTP++;
        items.push({ gold: gp, pred: loose.id });
      } else {
        pFN++;
        diff.missedPersons.push(gp);
        items.push({ gold: gp, pred: `missing:${art.id}:${gp}` });
      }
    }
    for (const p of preds) {
      if (taken.has(p.id)) continue;
      pFP++;
      diff.extraPersons.push(p.names[0]);
      items.push({ gold: `extra:${art.id}:${p.id}`, pred: p.id });
    }
    const label = (id: string) => goldOf.get(id) ?? `?${id}`;

    // Co-participation pairs.
    const goldPairs = new Set<string>();
    for (const m of g.meetings)
      for (let i = 0; i < m.participants.length; i++)
        for (let j = i + 1; j < m.participants.length; j++)
          goldPairs.add(pairKey(m.participants[i], m.participants[j]));
    const events = result.events.filter((e) => e.article === art.id);
    const isPerson = new Set(preds.map((p) => p.id));
    const predPairs = new Set<string>();
    for (const e of events) {
      const ps = [...new Set(e.participants.filter((p) => isPerson.has(p)).map(label))];
      for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) predPairs.add(pairKey(ps[i], ps[j]));
    }
    for (const p of predPairs) {
      if (goldPairs.has(p)) mTP++;
      else {
        mFP++;
        diff.extraPairs.push(p);
      }
    }
    for (const p of goldPairs) {
      if (!predPairs.has(p)) {
        mFN++;
        diff.missedPairs.push(p);
      }
    }

    // Roles: one per person per article.
    const goldRoles = new Map(g.roles.map(([n, t]) => [n, t]));
    for (const r of result.roles.filter((x) => x.article === art.id)) {
      const name = label(r.actor);
      const gt = goldRoles.get(name);
      if (gt !== undefined && titlesMatch(r.title, gt)) {
        rTP++;
        goldRoles.delete(name);
      } else {
        rFP++;
        diff.extraRoles.push(`${name}: ${r.title}`);
      }
    }
    for (const [n, t] of goldRoles) {
      rFN++;
      diff.missedRoles.push(`${n}: ${t}`);
    }

    // Dates and places of matched meetings (greedy by participant Jaccard ≥ 0.5).
    const usedEv = new Set<string>();
    for (const m of g.meetings) {
      let best: (typeof events)[number] | null = null;
      let bestJ = 0;
      for (const e of events) {
        if (usedEv.has(e.id)) continue;
        const ps = new Set(e.participants.map(label));
        const inter = m.participants.filter((x) => ps.has(x)).length;
        const j = inter / (ps.size + m.participants.length - inter);
        const score = j + (e.date === m.date ? 0.01 : 0);
        if (score > bestJ) {
          bestJ = score;
          best = e;
        }
      }
      if (!best || bestJ < 0.5) continue;
      usedEv.add(best.id);
      dMatched++;
      plMatched++;
      if (best.date === m.date) dCorrect++;
      else diff.wrongDates.push(`${m.participants.join(" + ")}: got ${best.date}, gold ${m.date}`);
      if ((best.place ?? "").toLowerCase() === (m.place ?? "").toLowerCase()) plCorrect++;
      else diff.wrongPlaces.push(`${m.participants.join(" + ")}: got ${best.place}, gold ${m.place}`);
    }
    diffs.push(diff);
  }

  // B-cubed over items.
  let bp = 0;
  let br = 0;
  for (const it of items) {
    const samePred = items.filter((x) => x.pred === it.pred);
    const sameGold = items.filter((x) => x.gold === it.gold);
    bp += samePred.filter((x) => x.gold === it.gold).length / samePred.length;
    br += sameGold.filter((x) => x.pred === it.pred).length / sameGold.length;
  }
  const n = items.length || 1;
  const idP = items.length ? bp / n : 1;
  const idR = items.length ? br / n : 1;
  const identity: PRF = {
    tp: 0,
    fp: 0,
    fn: 0,
    precision: idP,
    recall: idR,
    f1: idP + idR ? (2 * idP * idR) / (idP + idR) : 0,
  };

  return {
    articles: scored,
    persons: prf(pTP, pFP, pFN),
    pairs: prf(mTP, mFP, mFN),
    roles: prf(rTP, rFP, rFN),
    identity,
    dates: { matched: dMatched, correct: dCorrect, accuracy: dMatched ? dCorrect / dMatched : 1 },
    places: { matched: plMatched, correct: plCorrect, accuracy: plMatched ? plCorrect / plMatched : 1 },
    diffs,
  };
}
