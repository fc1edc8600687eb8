// Events: meetings, talks, phone calls, signings and visits with their participants, date and place.
// Frames are trigger words with simple argument rules; planned or denied events go to `others`.

import type { ArticleAnalysis, PersonMention, Sentence } from "./article";
import { CITY_BY_SURFACE, countryOf, worldCity } from "./gazetteer";
import type { DatePrecision, EventKind, OtherEventKind, ParticipantRole } from "./types";

export interface LocalEvent {
  kind: EventKind;
  sents: number[];
  participants: number[];
  roles: Map<number, ParticipantRole>;
  ownDate: string | null;
  ownApprox: string | null;
  ownPrecision: DatePrecision | null;
  dateText: string | null;
  noAnchor: boolean;
  date: string | null;
  datePrecision: DatePrecision | null;
  place: string | null;
  key: string | null;
  topics: string[];
}

export interface LocalOther {
  kind: OtherEventKind;
  reason: string;
  sent: number;
  participants: number[];
  date: string | null;
  dateApprox: string | null;
  datePrecision: DatePrecision | null;
  dateText: string | null;
  place: string | null;
}

export interface ArticleEvents {
  events: LocalEvent[];
  others: LocalOther[];
}

type TriggerType = "strong" | "weak" | "attend";

interface Trigger {
  type: TriggerType;
  kind: EventKind;
  idx: number;
  word: string;
}

// Word look-ups below are Maps and Sets: every token of every sentence goes through them, and a Map hashes a
// token's string once where an object's keyed look-up does more work per call.
const STRONG_VERBS = new Map<string, EventKind>([
  ["met", "meeting"],
  ["meet", "meeting"],
  ["meets", "meeting"],
  ["meeting", "meeting"],
  ["meetings", "meeting"],
  ["received", "meeting"],
  ["receives", "meeting"],
  ["hosted", "meeting"],
  ["hosts", "meeting"],
  ["talks", "talks"],
  ["signed", "signing"],
  ["signs", "signing"],
  ["inked", "signing"],
  ["formalized", "signing"],
  ["formalised", "signing"],
]);
const WEAK_VERBS = new Set([
  "discussed",
  "discuss",
  "reviewed",
  "conferred",
  "talked",
  "exchanged",
  "agreed",
  "explored",
  "stressed",
  "emphasized",
  "emphasised",
  "expressed",
  "praised",
  "reiterated",
]);
const KIND_RANK: Record<EventKind, number> = {
  phone_call: 6,
  press_conference: 5,
  signing: 4,
  talks: 3,
  visit: 2,
  meeting: 1,
};
const MODAL = new Set([
  "no",
  "will",
  "would",
  "shall",
  "expected",
  "plan",
  "plans",
  "planned",
  "planning",
  "scheduled",
  "due",
  "may",
  "might",
  "could",
  "not",
  "never",
  "denied",
  "deny",
  "denies",
  "cancelled",
  "canceled",
  "postponed",
  "invited",
  "invitation",
  "hopes",
  "hope",
  "intends",
  "proposed",
]);
const REPORT_VERBS = new Set([
  "reported",
  "said",
  "says",
  "announced",
  "stated",
  "added",
  "told",
  "began",
  "begins",
  "arrived",
  "wrote",
  "tweeted",
  "posted",
  "published",
  "confirmed",
  "assumed",
  "took",
]);
const SPEECH_VERBS = new Set([
  "said",
  "says",
  "stressed",
  "emphasized",
  "emphasised",
  "noted",
  "declared",
  "underscored",
  "highlighted",
  "stated",
  "added",
  "told",
  "reiterated",
  "affirmed",
  "reaffirmed",
  "expressed",
  "called",
  "urged",
]);
const VISIT_WORDS = new Set(["visit", "visited", "visits", "visiting", "trip", "traveled", "travelled", "arrived"]);
const KIN = new Set([
  "son",
  "daughter",
  "father",
  "mother",
  "brother",
  "sister",
  "wife",
  "widow",
  "husband",
  "nephew",
  "grandson",
  "cousin",
]);

const TOPIC_WORDS: [string, RegExp][] = [
  ["security", /\bsecurity\b/i],
  ["border", /\bborders?\b|\bcrossings?\b/i],
  ["trade", /\btrade\b|\bcommerc|\bcustoms\b/i],
  ["economy", /\beconom/i],
  ["energy", /\benergy\b|\boil\b|\bgas\b|\belectricity\b/i],
  ["terrorism", /\bterroris/i],
  ["defence", /\bdefen[cs]e\b|\bmilitary\b/i],
  ["transport", /\btransport|\brailway|\bcorridor\b/i],
  ["refugees", /\brefugees?\b|\bdisplaced\b/i],
  ["health", /\bcoronavirus\b|\bpandemic\b|\bhealth\b/i],
  ["diplomatic relations", /\bbilateral (relations|ties)\b|\bembass(y|ies)\b/i],
  ["water", /\bwater\b|\breservoirs?\b|\bdams?\b/i],
  ["drugs", /\bdrugs?\b|\bnarcotic/i],
];

/** Topic labels named in a passage (a small keyword lexicon). */
export function topicsOf(text: string): string[] {
  return TOPIC_WORDS.filter(([, re]) => re.test(text)).map(([label]) => label);
}

/**
 * Character ranges of quoted first-person speech (“I still remember …”, "we agreed …"): the speaker's memories
 * and plans, not the reporter's account of this event. Third-person quotes (a ministry's statement listing the
 * attendees) are kept as ordinary text.
 */
export function quoteRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”\n]*”|"[^"\n]*"|«[^»\n]*»/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length > 2 && /\b(I|we|We|my|My|our|Our|me|us)\b/.test(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function inRanges(ranges: [number, number][], pos: number): boolean {
  return ranges.some(([a, b]) => a <= pos && pos < b);
}

const PHONE_MODIFIERS = /^(phone|telephone|telephonic|video|virtual)$/;
const MEETING_NOUNS = /^(meeting|meetings|talks|call|audience|summit|visit|conversation)$/;
/** Words that only place something in time relative to a meeting ("before the meeting"): no new event. */
const TEMPORAL_PREPOSITIONS = /^(before|after|following|ahead|prior|since)$/;

/** The person mention (title included) starting first within `span` tokens after `i`. */
function mentionAfter(ms: PersonMention[], i: number, span: number): { start: number; m: PersonMention } | null {
  let best: { start: number; m: PersonMention } | null = null;
  for (const m of ms) {
    const start = Math.min(m.run.h0, ...m.titles.filter((t) => t.source === "pre").map((t) => t.i0));
    if (start > i && start <= i + span && (!best || start < best.start)) best = { start, m };
  }
  return best;
}

// Closed word lists of the frames below, as Sets: they are tested for token after token, where a regular
// expression literal would be a new object each time it is evaluated.
/** Words between a verb and its person object: "visited his counterpart", "called on the President". */
const OBJECT_LEAD_WORDS = new Set(["his", "her", "their", "the", "its", "visiting", "on", "of", ","]);
/** Auxiliaries and commas between a name and what is said of it ("X was unable to attend"). */
const AUXILIARIES = new Set(["is", "was", "were", "are", "had", "has", "been", ","]);
/** Words that open a plural description of an event's people ("the two leaders", "both premiers"). */
const GROUP_DETERMINERS = new Set(["the", "both", "these", "all"]);
const SMALL_COUNTS = new Set(["two", "2", "three", "3", "four", "4"]);
/** Words that open a singular description ("the ambassador", "his counterpart"). */
const DESCRIPTION_DETERMINERS = new Set(["the", "his", "her", "their"]);
/** Words of a title's complement ("ambassador to Baghdad", "minister of the Islamic Republic of Iran"). */
const COMPLEMENT_WORDS = new Set(["to", "of", "in", "from", "the", "islamic", "republic"]);
/** Words after which "the official" is a person, not an adjective ("the official said"). */
const OFFICIAL_AS_NOUN_NEXT = new Set(["of", "from", "in", "at", "who", "said", "says", "and", "told", "added"]);
/** Words of a plan before "to" ("plans to", "is expected to"). */
const PLAN_WORDS = new Set(["plans", "scheduled", "expected", "due", "set"]);
/** Posts named with a city that is where they serve, not where an event is ("ambassador in Baghdad"). */
const DIPLOMATIC_POSTS = new Set([
  "ambassador",
  "envoy",
  "consul",
  "consul-general",
  "general",
  "embassy",
  "consulate",
]);

/** Skips "his", "her", "the", demonyms and lower-case title words between a verb and its person object. */
function objectIsPerson(s: Sentence, ms: PersonMention[], i: number): boolean {
  const toks = s.toks;
  const found = mentionAfter(ms, i, 6);
  if (!found) return false;
  const { start, m } = found;
  // "welcomed President X's remarks", "visited X's grave": the object is a thing of X's, not X.
  if (m.run.possessive || toks[m.run.i1 - 1]?.poss) return false;
  for (let k = i + 1; k < start; k++) {
    const l = toks[k].lower;
    if (!OBJECT_LEAD_WORDS.has(l) && !countryOf(l) && !toks[k].cap && !DESC_HEADS.has(l)) return false;
  }
  return true;
}

/** "called on President X to step down": a demand, not a courtesy call. */
function demandFollows(s: Sentence, ms: PersonMention[], i: number): boolean {
  const found = mentionAfter(ms, i, 6);
  if (!found) return false;
  let k = found.m.run.i1;
  if (s.toks[k]?.text === ",") k++;
  return s.toks[k]?.lower === "to" || s.toks[k]?.lower === "and";
}

/**
 * Every word `findTrigger` can take for a trigger (the words its branches test the current token against): the
 * other tokens of a sentence are skipped before its branches run.
 */
const TRIGGER_WORDS = new Set([
  ...STRONG_VERBS.keys(),
  ...WEAK_VERBS,
  "call",
  "calls",
  "conversation",
  "conversations",
  "phone",
  "telephone",
  "videoconference",
  "video-conference",
  "conference",
  "telephoned",
  "phoned",
  "rang",
  "called",
  "welcomed",
  "welcomes",
  "visited",
  "visits",
  "audience",
  "hands",
  "co-chair",
  "co-chaired",
  "co-chairs",
  "ceremony",
  "attended",
  "attend",
  "presence",
  "participated",
  "part",
  "sent",
]);

function findTrigger(s: Sentence, ms: PersonMention[] = [], quoted: [number, number][] = []): Trigger | null {
  const toks = s.toks;
  let best: Trigger | null = null;
  const consider = (t: Trigger) => {
    if (!best) best = t;
    else if (t.type === "attend" && best.type !== "attend") best = t;
    else if (best.type === "attend") return;
    else if (t.type !== "weak" && best.type === "weak") best = t;
    else if (t.type === best.type && KIND_RANK[t.kind] > KIND_RANK[best.kind]) best = { ...t, idx: best.idx };
  };
  for (let i = 0; i < toks.length; i++) {
    const l = toks[i].lower;
    if (toks[i].type !== "word" || !TRIGGER_WORDS.has(l)) continue;
    if (inRanges(quoted, toks[i].start)) continue;
    const prev = toks[i - 1]?.lower;
    // "before the meeting", "after the talks", "ahead of the summit": a time reference, not a new event.
    if (MEETING_NOUNS.test(l)) {
      const p1 = prev === "the" || prev === "their" || prev === "his" || prev === "her" ? i - 2 : i - 1;
      const w = toks[p1]?.lower ?? "";
      if (TEMPORAL_PREPOSITIONS.test(w) || (w === "of" && toks[p1 - 1]?.lower === "ahead")) continue;
      if (w === "to" && toks[p1 - 1]?.lower === "prior") continue;
    }
    if (/^(calls?|conversations?|talks)$/.test(l) && PHONE_MODIFIERS.test(prev ?? "")) {
      consider({ type: "strong", kind: "phone_call", idx: i, word: l });
    } else if (
      (l === "phone" || l === "telephone") &&
      (/^(over|by|via)$/.test(prev ?? "") || (prev === "the" && /^(over|on)$/.test(toks[i - 2]?.lower ?? "")))
    ) {
      consider({ type: "strong", kind: "phone_call", idx: i, word: l });
    } else if (
      /^(videoconference|video-conference)$/.test(l) ||
      (l === "conference" && prev === "video") ||
      (l === "call" && /^(received|made|had|took|returned)$/.test(toks[i - 2]?.lower ?? "") && prev === "a")
    ) {
      // "held a videoconference with", "received a call from": calls without the word "phone".
      consider({ type: "strong", kind: "phone_call", idx: i, word: l });
    } else if (l === "call" && prev === "courtesy") {
      // "paid a courtesy call on the Governor": a visit in person.
      consider({ type: "strong", kind: "meeting", idx: i, word: l });
    } else if ((l === "phone" || l === "telephone") && /^(over|by|via)$/.test(prev ?? "")) {
      consider({ type: "strong", kind: "phone_call", idx: i, word: l });
    } else if (/^(telephoned|phoned|rang)$/.test(l) && objectIsPerson(s, ms, i)) {
      consider({ type: "strong", kind: "phone_call", idx: i, word: l });
    } else if (
      l === "called" &&
      toks[i + 1]?.lower === "on" &&
      objectIsPerson(s, ms, i + 1) &&
      !demandFollows(s, ms, i + 1)
    ) {
      // "called on the President": a courtesy visit in diplomatic usage.
      consider({ type: "strong", kind: "meeting", idx: i, word: l });
    } else if (
      l === "called" &&
      !/^(so|is|was|were|are)$/.test(prev ?? "") &&
      !/^(on|upon|for)$/.test(toks[i + 1]?.lower ?? "") &&
      objectIsPerson(s, ms, i)
    ) {
      consider({ type: "strong", kind: "phone_call", idx: i, word: l });
    } else if (/^(welcomed|welcomes)$/.test(l) && (objectIsPerson(s, ms, i) || toks[i + 1]?.lower === "by")) {
      consider({ type: "strong", kind: "meeting", idx: i, word: l });
    } else if (/^(visited|visits)$/.test(l) && objectIsPerson(s, ms, i)) {
      consider({ type: "strong", kind: "visit", idx: i, word: l });
    } else if (l === "audience" || (l === "hands" && /^(shake|shakes|shook|shaking)$/.test(prev ?? ""))) {
      consider({ type: "strong", kind: "meeting", idx: i, word: l });
    } else if (/^co-chair(ed|s)?$/.test(l)) {
      consider({ type: "strong", kind: "meeting", idx: i, word: l });
    } else if (l === "ceremony" && prev === "signing") {
      consider({ type: "strong", kind: "signing", idx: i, word: l });
    } else if (l === "conference" && prev === "press") {
      consider({ type: "strong", kind: "press_conference", idx: i, word: l });
    } else if (
      l === "attended" ||
      (l === "attend" && prev !== "to") ||
      (l === "presence" && prev === "the") ||
      ((l === "participated" || (l === "part" && prev === "took")) && toks[i + 1]?.lower === "in") ||
      // "Peru sent its Prime Minister X": a delegate at the event told before; not "X sent Y a letter".
      (l === "sent" && objectIsPerson(s, ms, i) && !ms.some((m) => m.run.i0 < i))
    ) {
      consider({ type: "attend", kind: "meeting", idx: i, word: l });
    } else if (STRONG_VERBS.has(l)) {
      // "talks" as a verb of speech ("X talks about") is not a meeting; "held talks", "talks with" are.
      const held = toks.slice(Math.max(0, i - 3), i).some((t) => /^(held|hold|holds|holding)$/.test(t.lower));
      if (
        l === "talks" &&
        !held &&
        !/^(for|in|of|official|bilateral|the)$/.test(prev ?? "") &&
        toks[i + 1]?.lower !== "with"
      )
        continue;
      // "hosted X", "hosted a state dinner in honour of X"; not "hosted the forum".
      const meal = toks
        .slice(i + 1, i + 5)
        .some((t) => /^(dinner|lunch|luncheon|banquet|reception|breakfast)$/.test(t.lower));
      if ((l === "hosted" || l === "hosts") && !meal && !toks.slice(i + 1, i + 3).some((t) => t.cap)) continue;
      consider({ type: "strong", kind: STRONG_VERBS.get(l)!, idx: i, word: l });
    } else if (WEAK_VERBS.has(l)) {
      consider({ type: "weak", kind: "meeting", idx: i, word: l });
    }
  }
  return best;
}

function isModal(s: Sentence, idx: number): boolean {
  const toks = s.toks;
  if (toks[idx - 1]?.lower === "to") return true;
  for (let k = Math.max(0, idx - 4); k < idx; k++) if (MODAL.has(toks[k].lower)) return true;
  return false;
}

/** Words that carry a message or greeting: "a message to X", "greetings of X" name someone absent. */
const MESSAGE_WORDS = new Set([
  "message",
  "messages",
  "letter",
  "letters",
  "greetings",
  "greeting",
  "wishes",
  "regards",
  "condolences",
  "congratulations",
  "invitation",
  "behalf",
  "occasion",
  "tribute",
]);
/** Titles of people who report on an event rather than take part in it. */
const REPORTER_TITLE = /\b(spokes(man|woman|person)|press secretary|correspondent|reporter|photographer)\b/i;
/** "X is unable to attend", "X was prevented from travelling": named, but absent. */
const ABSENT_AFTER = /^(prevented|unable|absent|barred|kept)$/;

/**
 * Mentions that cannot be participants: kin references, the late, sources, names inside titles, quoted speech,
 * addressees of messages and greetings, spokespeople, and people said to be absent.
 */
function participantMentions(s: Sentence, ms: PersonMention[], quoted: [number, number][] = []): PersonMention[] {
  const toks = s.toks;
  return ms.filter((m) => {
    const titleStart = Math.min(m.run.h0, ...m.titles.filter((t) => t.source === "pre").map((t) => t.i0));
    let k = titleStart - 1;
    if (toks[k]?.lower === "the") k--;
    if (toks[k]?.lower === "of" && KIN.has(toks[k - 1]?.lower ?? "")) return false;
    if (m.titles.some((t) => /^late\b/i.test(t.text))) return false;
    if (m.titles.some((t) => REPORTER_TITLE.test(t.text))) return false;
    if (inRanges(quoted, m.run.start)) return false;
    for (let q = Math.max(0, titleStart - 3); q < titleStart; q++) {
      if (toks[q].lower === "according" && toks[q + 1]?.lower === "to") return false;
    }
    // "a message from President X to King Y", "greetings of the Custodian … King Z", "on behalf of X".
    for (let q = titleStart - 1; q >= Math.max(0, titleStart - 12); q--) {
      const l = toks[q].lower;
      if (STRONG_VERBS.has(l) || l === "with" || l === "and" || toks[q].text === "." || toks[q].text === ";") break;
      const rel = toks[q + 1]?.lower ?? "";
      if (!MESSAGE_WORDS.has(l) || !/^(to|from|of)$/.test(rel)) continue;
      // "handed over a letter to X" is given in person; "a message to X" carried by someone else is not.
      const handed = toks.slice(Math.max(0, q - 3), q).some((t) => /^(delivered|handed|presented|gave)$/.test(t.lower));
      if (!(rel === "to" && handed)) return false;
    }
    let a = m.run.i1;
    while (toks[a] && AUXILIARIES.has(toks[a].lower)) a++;
    if (a > m.run.i1 && ABSENT_AFTER.test(toks[a]?.lower ?? "")) return false;
    if (toks[a]?.lower === "could" && toks[a + 1]?.lower === "not") return false;
    const inside = ms.some((o) => o !== m && o.titles.some((t) => t.i0 <= m.run.i0 && m.run.i1 <= t.i1));
    return !inside;
  });
}

interface Description {
  i0: number;
  i1: number;
  text: string;
  plural: boolean;
  head: string;
  country: string | null;
}

const DESC_HEADS = new Map<string, string>([
  ["minister", "minister"],
  ["fm", "minister"],
  ["pm", "minister"],
  ["premier", "minister"],
  ["counterpart", "counterpart"],
  ["envoy", "diplomat"],
  ["ambassador", "diplomat"],
  ["diplomat", "diplomat"],
  ["consul", "diplomat"],
  ["consul-general", "diplomat"],
  ["general", "diplomat"],
  ["president", "president"],
  ["governor", "governor"],
  ["governor-general", "governor"],
  ["secretary", "secretary"],
  ["speaker", "speaker"],
  ["chairman", "chairman"],
  ["commander", "commander"],
  ["official", "official"],
  ["leader", "leader"],
]);
/** Plural nouns for the people of an event ("the two leaders", "both premiers", "the 2 heads of state"). */
const PLURAL_PERSON_NOUNS = new Set([
  "leaders",
  "heads",
  "premiers",
  "presidents",
  "ministers",
  "counterparts",
  "chiefs",
  "diplomats",
  "officials",
  "statesmen",
  "monarchs",
  "delegations",
]);
const PLURAL_HEADS = new Set([
  "sides",
  "ministers",
  "officials",
  "chiefs",
  "leaders",
  "diplomats",
  "parties",
  "commanders",
  "two",
]);
const DESC_MODIFIERS = new Set([
  "visiting",
  "outgoing",
  "incoming",
  "foreign",
  "prime",
  "deputy",
  "defense",
  "defence",
  "interior",
  "two",
  "iraqi",
  "top",
  "senior",
  "new",
  "former",
  "of",
  "the",
  "islamic",
  "republic",
  "to",
  "in",
  "general",
  "security",
  "national",
  "affairs",
]);

// Regular expressions with Unicode property escapes are module constants: the TypeScript loader (esbuild) turns
// such a literal into a \`new RegExp(…)\` call, which would build the expression again on every call.
const COUNTRY_ABBREVIATION = /^\p{Lu}{2,4}$/u;
const NON_WORD_CHARACTERS = /[^\p{L}'’-]+/u;
const WORD_INITIAL = /(^|[\s-])(\p{L})/gu;

function findDescriptions(text: string, s: Sentence, ms: PersonMention[]): Description[] {
  const toks = s.toks;
  const out: Description[] = [];
  for (let i = 0; i < toks.length; i++) {
    const l = toks[i].lower;
    if (l === "they" || (l === "both" && toks[i + 1]?.lower === "sides")) {
      out.push({ i0: i, i1: i + 1, text: toks[i].text, plural: true, head: "sides", country: null });
      continue;
    }
    // "the 2 heads of state", "both leaders", "the two premiers", "the pair": the people of the last event.
    // Not after "with"/"of" ("met with the presidents of nine countries" names others, not the event's people).
    if (GROUP_DETERMINERS.has(l) && !(toks[i - 1]?.lower === "with" || toks[i - 1]?.lower === "of")) {
      let j = i + 1;
      let counted = l === "both";
      while (j < toks.length && j < i + 5) {
        const w = toks[j].lower;
        if (SMALL_COUNTS.has(w)) counted = true;
        else if (!(countryOf(w) || DESC_MODIFIERS.has(w) || w === "visiting" || w === "both")) break;
        j++;
      }
      const noun = toks[j]?.lower ?? "";
      if (((counted || l === "the") && PLURAL_PERSON_NOUNS.has(noun)) || (l === "the" && noun === "pair")) {
        out.push({
          i0: i,
          i1: j + 1,
          text: text.slice(toks[i].start, toks[j].end),
          plural: true,
          head: "sides",
          country: null,
        });
        i = j;
        continue;
      }
    }
    const determiner = DESCRIPTION_DETERMINERS.has(l);
    if (!determiner && !(i === 0 && toks[i].cap)) continue;
    let j = i === 0 && !determiner ? i : i + 1;
    let head: string | null = null;
    let plural = false;
    let country: string | null = null;
    let end = j;
    for (; j < Math.min(toks.length, i + 9); j++) {
      const t = toks[j];
      if (t.type !== "word") break;
      const c = countryOf(t.lower);
      if (c) {
        country ??= c;
        end = j + 1;
        continue;
      }
      if (DESC_HEADS.has(t.lower)) {
        if (t.lower === "general" && toks[j - 1]?.lower !== "consul") break;
        head = DESC_HEADS.get(t.lower)!;
        end = j + 1;
        if (t.lower === "consul" && toks[j + 1]?.lower === "general") end = j + 2;
        // "ambassador to Baghdad", "minister of the Islamic Republic of Iran": keep the complement.
        let k = end;
        while (k < toks.length && COMPLEMENT_WORDS.has(toks[k].lower)) k++;
        if (k > end && toks[k]?.cap) {
          const cc = countryOf(toks[k].lower);
          if (cc) country ??= cc;
          end = k + 1;
        }
        break;
      }
      if (PLURAL_HEADS.has(t.lower) && toks[i + 1]?.lower === "two") {
        plural = true;
        head = "sides";
        end = j + 1;
        if (t.lower === "two" && toks[j + 1] && PLURAL_HEADS.has(toks[j + 1].lower)) continue;
        if (t.lower !== "two") break;
        continue;
      }
      if (t.lower === "sides" || t.lower === "parties") {
        plural = true;
        head = "sides";
        end = j + 1;
        break;
      }
      // "the KSA Ambassador", "the UAE envoy": an abbreviated country before the title.
      if (DESC_MODIFIERS.has(t.lower) || /-/.test(t.lower) || COUNTRY_ABBREVIATION.test(t.text)) continue;
      if (plural) break;
      break;
    }
    if (!head) continue;
    // "the envoy of the President", "a message to the President": a possessor or addressee, not a participant.
    const before = toks[i - 1]?.lower ?? "";
    if (before === "of" || (before === "to" && MESSAGE_WORDS.has(toks[i - 2]?.lower ?? ""))) continue;
    // "the official residence", "the official visit": "official" as an adjective.
    if (head === "official" && toks[end]?.type === "word" && !toks[end].cap) {
      if (!OFFICIAL_AS_NOUN_NEXT.has(toks[end].lower)) continue;
    }
    // "the prime minister's media office" names an office, not the person.
    if (toks[end - 1].poss) continue;
    // "the Prime Minister Media Office": a title word modifying an organisation name.
    if (toks[end]?.cap && toks[end].type === "word" && !/^(on|in|at)$/i.test(toks[end].lower)) continue;
    // A title directly followed by a name is that name's title, not a description.
    const nextName = ms.some((m) => m.run.h0 === end || (s.toks[end]?.text === "," && m.run.h0 === end + 1));
    const insideTitle = ms.some((m) => m.titles.some((t) => t.i0 <= end - 1 && end - 1 < t.i1));
    if (nextName || insideTitle) continue;
    out.push({ i0: i, i1: end, text: text.slice(toks[i].start, toks[end - 1].end), plural, head, country });
    i = end - 1;
  }
  return out;
}

function titleCountries(title: string): Set<string> {
  const out = new Set<string>();
  for (const w of title.split(NON_WORD_CHARACTERS)) {
    const c = countryOf(w.replace(/['’]s$/, ""));
    if (c) out.add(c);
  }
  if (/islamic republic of iran/i.test(title)) out.add("Iran");
  if (/saudi arabia/i.test(title)) out.add("Saudi Arabia");
  return out;
}

const HEAD_WORDS: Record<string, RegExp> = {
  minister: /\b(minister|fm|pm|premier)\b/i,
  diplomat: /\b(ambassador|envoy|diplomat|consul)/i,
  president: /\bpresident\b/i,
  governor: /\bgovernor/i,
  secretary: /\bsecretary\b/i,
  speaker: /\bspeaker\b/i,
  chairman: /\bchair/i,
  commander: /\b(commander|chief)\b/i,
  official: /./,
  leader: /\b(leader|head)\b/i,
  counterpart: /./,
};

/** Resolves a singular description to the most mentioned person whose title fits (head word and country). */
function resolveDescription(a: ArticleAnalysis, d: Description, exclude: Set<number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const p of a.persons) {
    if (exclude.has(p.index)) continue;
    const titles = [...p.titles.map((t) => t.text), ...p.describedAs];
    if (!titles.length) continue;
    const fits = titles.some((t) => {
      const headOk = HEAD_WORDS[d.head].test(t) || /counterpart/i.test(t);
      if (!headOk) return false;
      if (!d.country) return true;
      return titleCountries(t).has(d.country);
    });
    if (!fits) continue;
    if (p.mentions.length > bestCount) {
      best = p.index;
      bestCount = p.mentions.length;
    }
  }
  if (best !== null) return best;
  // An untitled named person is the likely referent of an unnamed title ("Iran's ambassador … met X").
  if (d.country && d.head !== "counterpart" && d.head !== "official") {
    const untitled = a.persons.filter(
      (p) => !exclude.has(p.index) && !p.titles.length && !p.describedAs.length && p.names.length,
    );
    if (untitled.length === 1) {
      untitled[0].describedAs.push(d.text.replace(/^(the|his|her)\s+/i, ""));
      return untitled[0].index;
    }
  }
  return null;
}

/** The date a sentence gives its event. */
interface SentenceDate {
  iso: string | null;
  approx: string | null;
  precision: DatePrecision | null;
  text: string | null;
}

function ownDate(s: Sentence, lastSeen: string | null): SentenceDate {
  for (const d of s.dates) {
    const before = s.toks[d.i0 - 1]?.lower === "on" ? s.toks[d.i0 - 2] : s.toks[d.i0 - 1];
    if (before && REPORT_VERBS.has(before.lower)) continue;
    // "X on Thursday confirmed the call": the day of the report, not of the event.
    let after = d.i1;
    if (/^(evening|morning|night|afternoon)$/.test(s.toks[after]?.lower ?? "")) after++;
    if (s.toks[after] && REPORT_VERBS.has(s.toks[after].lower)) continue;
    if (d.sameDay) return { iso: lastSeen, approx: lastSeen, precision: lastSeen ? "day" : null, text: d.text };
    if (d.precision === "year" && d.i0 > 0 && /^(since|until|by)$/.test(s.toks[d.i0 - 1].lower)) continue;
    return { iso: d.iso, approx: d.approx, precision: d.precision, text: d.text };
  }
  return { iso: null, approx: null, precision: null, text: null };
}

function noAnchor(s: Sentence): boolean {
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const l = toks[i].lower;
    if (l === "earlier" && toks[i + 1]?.lower !== "in") return true;
    if (l === "prior" || l === "previously" || l === "before") return true;
    if (l === "had" && toks[i + 1]?.type === "word" && /(ed|met|held|been|earlier)$/.test(toks[i + 1].lower))
      return true;
  }
  return false;
}

/**
 * The city of an event told in a sentence: "in/at CITY" or "visit to CITY" from the gazetteer of the region's
 * cities, and with `wide`, "in CITY" for any city of the world gazetteer (used for the sentence that tells the
 * event, not for the sentences that only add to it, where "in CITY" is more often a topic).
 */
function placeOf(a: ArticleAnalysis, s: Sentence, wide = false): string | null {
  const toks = s.toks;
  const titleSpans = a.mentions.filter((m) => m.sent === s.index).flatMap((m) => m.titles);
  for (const g of s.places) {
    const city = CITY_BY_SURFACE.get(g.text.toLowerCase());
    if (!city || titleSpans.some((t) => t.i0 <= g.i0 && g.i0 < t.i1)) continue;
    const prev = toks[g.i0 - 1]?.lower;
    const verb = toks[g.i0 - 2]?.lower ?? "";
    // "in Baghdad" places an event; "to Baghdad" only after a travel word (not "ambassador to Baghdad").
    if (prev === "in" || prev === "at") {
      if (DIPLOMATIC_POSTS.has(verb)) continue;
      return city;
    }
    if (prev === "to" && /^(visit|trip|traveled|travelled|flew|came|went|arrived|journey)$/.test(verb)) return city;
  }
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i].lower === "city" && toks[i + 1].lower === "of" && toks[i + 2].cap) return toks[i + 2].base;
  }
  // "Monday in Rabat", "talks in Addis Ababa": any city of the world gazetteer after "in".
  for (let i = 0; wide && i + 1 < toks.length; i++) {
    if (toks[i].lower !== "in" || !toks[i + 1].cap) continue;
    if (DIPLOMATIC_POSTS.has(toks[i - 1]?.lower ?? "")) continue;
    for (let n = 3; n >= 1; n--) {
      const run = toks.slice(i + 1, i + 1 + n);
      if (run.length < n || !run.every((t) => t.cap && t.type === "word")) continue;
      if (run.slice(0, -1).some((t) => t.poss)) continue;
      const city = worldCity(
        run
          .map((t) => t.base)
          .join(" ")
          .toLowerCase(),
      );
      const next = toks[i + 1 + n];
      // "in Paris Saint-Germain's stadium", "in Washington Post": a longer capitalised name is not the city.
      if (city && !(next?.cap && next.type === "word")) {
        if (titleSpans.some((t) => t.i0 <= i + 1 && i + 1 < t.i1)) break;
        return city;
      }
    }
  }
  void a;
  return null;
}

function keyOf(s: Sentence): string | null {
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].lower !== "meeting") continue;
    const mods: string[] = [];
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const t = toks[k];
      if (t.type !== "word" || /^(the|a|an|this|that|his|her)$/.test(t.lower)) break;
      if (t.cap || mods.length >= 2) break;
      mods.unshift(t.lower);
    }
    if (mods.length) return mods.join(" ");
  }
  return null;
}

/** The day of a sentence's date when it names one, else null. */
function dayOf(d: SentenceDate): string | null {
  return d.precision === "day" ? d.iso : null;
}

/** A new event told in sentences `sents`, dated by `d` (its own date; the article's anchor comes later). */
function localEvent(
  kind: EventKind,
  sents: number[],
  participants: number[],
  d: SentenceDate,
  told: Pick<LocalEvent, "roles" | "noAnchor" | "place" | "key" | "topics">,
): LocalEvent {
  return {
    kind,
    sents,
    participants,
    ownDate: dayOf(d),
    ownApprox: d.approx,
    ownPrecision: d.precision,
    dateText: d.text,
    date: null,
    datePrecision: null,
    ...told,
  };
}

/**
 * Where a sentence lists separate bilateral events, one per person after it: "in separate meetings with A and
 * B", "held two other bilateral meetings: with A, and with B", and phone calls with several people ("spoke by
 * phone with A and B", "telephonic conversations with A, B and C": calls are one-to-one unless said otherwise).
 * Returns the token index after which the counterparts are listed, or -1.
 */
const SEPARATE_EVENT_NOUNS = new Set(["meeting", "meetings", "talks", "calls", "phone", "telephone"]);
const SEVERAL_WORDS = new Set(["bilateral", "two", "three", "four", "several", "other", "2", "3", "4"]);

function separateIndex(s: Sentence, trig: Trigger): number {
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const l = toks[i].lower;
    if (l === "separate" && SEPARATE_EVENT_NOUNS.has(toks[i + 1]?.lower ?? "")) return i;
    if (l === "separately") return i;
    if (l === "meetings" || l === "calls" || l === "conversations") {
      for (let k = Math.max(0, i - 3); k < i; k++) if (SEVERAL_WORDS.has(toks[k].lower)) return i;
    }
  }
  // "X visited A and B": one visit to each host.
  if (trig.kind === "visit") return trig.idx;
  if (trig.kind === "phone_call") {
    if (/\b(conference|joint|trilateral|trilateral|three-way)\b/.test(toks.map((t) => t.lower).join(" "))) return -1;
    const withIdx = toks.findIndex((t, i) => i > trig.idx - 3 && t.lower === "with");
    if (withIdx >= 0) return withIdx;
  }
  return -1;
}

/** Present progressive around a trigger: "is now holding talks", "are meeting", "currently under way". */
function happeningNow(s: Sentence, idx: number): boolean {
  const toks = s.toks;
  for (let k = Math.max(0, idx - 3); k < Math.min(toks.length, idx + 4); k++) {
    const l = toks[k].lower;
    if ((l === "now" || l === "currently") && k < idx && k >= idx - 2) return true;
    if (l === "underway" || (l === "under" && toks[k + 1]?.lower === "way")) return true;
    if ((l === "is" || l === "are") && /ing$/.test(toks[k + 1]?.lower ?? "") && k + 1 <= idx) return true;
  }
  return false;
}

/**
 * "X met Y in Astana, where he will join the leaders of Z": people named after a modal that follows the trigger
 * belong to a plan told in the same sentence, not to the event.
 */
function laterPlansOut(s: Sentence, trig: Trigger | null, people: PersonMention[]): PersonMention[] {
  if (!trig) return people;
  const toks = s.toks;
  const modal = toks.findIndex(
    (t, i) =>
      i > trig.idx &&
      (t.lower === "will" || t.lower === "shall" || (PLAN_WORDS.has(t.lower) && toks[i + 1]?.lower === "to")),
  );
  if (modal < 0) return people;
  return people.filter((m) => m.run.h0 < modal);
}

function hasWord(s: Sentence, word: string): boolean {
  return s.toks.some((t) => t.lower === word);
}

/** "X signed for Thailand", "signed on behalf of", "was the signatory": a signatory of a ceremony told before. */
function signedOnBehalf(s: Sentence): boolean {
  const toks = s.toks;
  return toks.some(
    (t, i) =>
      t.lower === "signatory" ||
      t.lower === "signatories" ||
      ((t.lower === "signed" || t.lower === "signs") && (toks[i + 1]?.lower === "for" || toks[i + 1]?.lower === "on")),
  );
}

/** "The call took place yesterday", "the meeting was held on Monday": which event noun happened, or null. */
function tookPlace(s: Sentence): "call" | "meeting" | null {
  const toks = s.toks;
  for (let i = 0; i + 1 < toks.length; i++) {
    const l = toks[i].lower;
    const happened =
      (l === "took" && toks[i + 1].lower === "place") ||
      ((l === "was" || l === "were") && toks[i + 1].lower === "held") ||
      l === "happened" ||
      l === "occurred";
    if (!happened) continue;
    for (let k = Math.max(0, i - 4); k < i; k++) {
      const w = toks[k].lower;
      if (w === "call" || w === "conversation") return "call";
      if (/^(meeting|talks|summit|audience|visit)$/.test(w)) return "meeting";
    }
  }
  return null;
}

function hasPhrase(s: Sentence, words: string[]): boolean {
  const toks = s.toks;
  outer: for (let i = 0; i + words.length <= toks.length; i++) {
    for (let k = 0; k < words.length; k++) if (toks[i + k].lower !== words[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Finds the events of one article. Participants are the persons named in a trigger sentence (minus sources,
 * kin references and names inside titles) plus resolved descriptions ("his Syrian counterpart") and plural
 * anaphors ("the two sides" → the previous event's participants). Attendance sentences join an earlier event.
 */
export function findEvents(a: ArticleAnalysis): ArticleEvents {
  const events: LocalEvent[] = [];
  const others: LocalOther[] = [];
  const bySent = new Map<number, PersonMention[]>();
  for (const m of a.mentions) {
    const list = bySent.get(m.sent) ?? [];
    list.push(m);
    bySent.set(m.sent, list);
  }
  let lastSeen: string | null = null;
  let anchor: string | null = null;
  let articlePlace: string | null = null;
  let last: LocalEvent | null = null;
  let prevFirst: number | null = null;
  const quoted = quoteRanges(a.text);
  // The event a plural anaphor ("the two leaders") refers to: the last one in the story's main line, not a
  // background event told as "previously had calls with A, B and C".
  const focus = (): LocalEvent | null => [...events].reverse().find((e) => !e.noAnchor) ?? last;
  const visitDates: { date: string; participants: number[] }[] = [];

  const addOther = (kind: OtherEventKind, reason: string, s: Sentence, participants: number[]) => {
    const d = ownDate(s, lastSeen);
    others.push({
      kind,
      reason,
      sent: s.index,
      participants,
      date: d.precision === "day" ? d.iso : null,
      dateApprox: d.approx,
      datePrecision: d.precision,
      dateText: d.text,
      place: placeOf(a, s),
    });
  };

  for (const s of a.sentences) {
    if (s.headline) continue;
    const ms = bySent.get(s.index) ?? [];
    const trig = findTrigger(s, ms, quoted);
    let d = ownDate(s, lastSeen);
    // "X is now holding talks with Y", "talks are under way": happening on the day of publication.
    if (trig && !d.text && a.pubDate && happeningNow(s, trig.idx)) {
      d = { iso: a.pubDate, approx: a.pubDate, precision: "day", text: null };
    }
    const people = laterPlansOut(s, trig, participantMentions(s, ms, quoted));
    const firstPerson = people[0]?.person;
    // A verb of speech after a named person: "X said", "X stressed".
    const firstNameEnd = Math.min(...people.map((m) => m.run.i1));
    let speech = false;
    for (let i = firstNameEnd; i < s.toks.length && !speech; i++) speech = SPEECH_VERBS.has(s.toks[i].lower);

    // "X arrived in Hanoi on October 15": the day of a visit, for the visit's undated meetings.
    const visitWord = s.toks.findIndex((t) => VISIT_WORDS.has(t.lower));
    if (visitWord >= 0 && people.length && !isModal(s, visitWord) && d.precision === "day" && d.iso)
      visitDates.push({ date: d.iso, participants: people.map((m) => m.person) });

    const prevHost: number | null = prevFirst;
    prevFirst = firstPerson ?? null;
    // "He and his delegation were received by X": a sentence-initial pronoun is the previous sentence's subject.
    const pronounSubject: number | null =
      trig && trig.type !== "weak" && prevHost !== null && /^(he|she)$/.test(s.toks[0]?.lower ?? "") && trig.idx > 0
        ? prevHost
        : null;
    if (pronounSubject !== null) prevFirst = pronounSubject;
    // "The call took place yesterday", "the meeting was held on Monday": the date of an event told before.
    if (!trig || trig.type === "weak") {
      const happened = tookPlace(s);
      if (happened && d.precision === "day" && d.iso) {
        const kind = happened === "call" ? "phone_call" : null;
        const target = [...events].reverse().find((e) => !e.noAnchor && (!kind || e.kind === kind));
        if (target && !target.ownDate) {
          target.ownDate = d.iso;
          target.ownPrecision = "day";
          target.dateText = d.text;
        }
      }
    }
    // "The call came during a visit by X": X visited the person the previous sentence is about.
    const visitBy = s.toks.findIndex((t, i) => t.lower === "visit" && s.toks[i + 1]?.lower === "by");
    if (!trig && visitBy >= 0 && prevHost !== null) {
      const guests = people.filter((m) => m.run.i0 > visitBy && m.person !== prevHost).map((m) => m.person);
      if (guests.length && !isModal(s, visitBy)) {
        const e = localEvent("visit", [s.index - 1, s.index], [prevHost, ...new Set(guests)], d, {
          roles: new Map([
            [prevHost, "host" as ParticipantRole],
            ...guests.map((g) => [g, "guest" as ParticipantRole] as const),
          ]),
          noAnchor: noAnchor(s),
          place: placeOf(a, s),
          key: null,
          topics: topicsOf(a.text.slice(a.sentences[s.index - 1].start, s.end)),
        });
        events.push(e);
        last = e;
        continue;
      }
    }
    if (!trig) {
      const visit = s.toks.find((t) => VISIT_WORDS.has(t.lower));
      if (visit && people.length) {
        const idx = s.toks.indexOf(visit);
        addOther(isModal(s, idx) ? "planned" : "visit", isModal(s, idx) ? "planned" : "visit without a named host", s, [
          ...new Set(people.map((m) => m.person)),
        ]);
      } else if (speech && firstPerson !== undefined) {
        addOther("statement", "statement", s, [firstPerson]);
      } else if (/\binterview\b/i.test(a.text.slice(s.start, s.end)) && firstPerson !== undefined) {
        addOther("interview", "interview", s, [firstPerson]);
      }
      for (const dd of s.dates) if (dd.precision === "day" && dd.iso) lastSeen = dd.iso;
      continue;
    }

    const inSentence = new Set(people.map((m) => m.person));
    let participants = [...new Set(people.map((m) => m.person))];
    if (pronounSubject !== null && !participants.includes(pronounSubject)) {
      participants.unshift(pronounSubject);
      inSentence.add(pronounSubject);
    }
    let plural = false;
    for (const desc of findDescriptions(a.text, s, ms)) {
      if (desc.plural) {
        plural = true;
        continue;
      }
      const r = resolveDescription(a, desc, inSentence);
      if (r !== null && !participants.includes(r)) {
        participants.push(r);
        inSentence.add(r);
      }
    }
    const modal = isModal(s, trig.idx);
    const anaphoric =
      plural ||
      hasPhrase(s, ["during", "the", "meeting"]) ||
      hasPhrase(s, ["during", "the", "call"]) ||
      hasPhrase(s, ["at", "the", "meeting"]);
    const place = placeOf(a, s, true);
    const addedPlace = placeOf(a, s);
    if (trig.type !== "weak" && !modal && place) articlePlace ??= addedPlace;
    if (trig.type !== "weak" && !modal && d.precision === "day" && d.iso && !anchor) anchor = d.iso;

    if (modal) {
      if (participants.length)
        addOther(
          /\b(not|never|denied|deny)\b/i.test(a.text.slice(s.start, s.end)) ? "denied" : "planned",
          "planned or denied",
          s,
          participants,
        );
      for (const dd of s.dates) if (dd.precision === "day" && dd.iso) lastSeen = dd.iso;
      continue;
    }

    // The sentence's topics, read once however many events it makes or adds to.
    let topics: string[] | undefined;
    const sentenceTopics = () => (topics ??= topicsOf(a.text.slice(s.start, s.end)));
    const make = (kind: EventKind, parts: number[]): LocalEvent =>
      localEvent(kind, [s.index], parts, d, {
        roles: new Map(),
        noAnchor: noAnchor(s),
        place: kind === "phone_call" ? null : place,
        key: keyOf(s),
        topics: [...sentenceTopics()],
      });
    // An event already dated to another day is another event.
    const compatible = (e: LocalEvent) => !e.ownDate || !dayOf(d) || e.ownDate === d.iso;
    const absorb = (e: LocalEvent, parts: number[]) => {
      for (const p of parts) if (!e.participants.includes(p)) e.participants.push(p);
      if (!e.sents.includes(s.index)) e.sents.push(s.index);
      if (!e.ownDate && d.precision === "day" && d.iso) {
        e.ownDate = d.iso;
        e.dateText = d.text;
        e.ownPrecision = "day";
      }
      e.place ??= e.kind === "phone_call" ? null : addedPlace;
      for (const t of sentenceTopics()) if (!e.topics.includes(t)) e.topics.push(t);
    };

    // Attendance: "X attended the (key) meeting", "the meeting was attended by X", "in the presence of X".
    if (trig.type === "attend") {
      const key = keyOf(s);
      // "the meeting" refers to the last event; a named meeting ("the security-oriented … meeting") to its own.
      const keyed = key ? events.find((e) => e.key === key) : undefined;
      const target: LocalEvent | null = keyed ?? (key ? null : last);
      // "On Tuesday, the two leaders took part in the summit": the same people at another event on another day.
      if (plural && target && !keyed && d.precision === "day" && target.ownDate && d.iso !== target.ownDate) {
        const e = make("meeting", [...new Set([...target.participants, ...participants])]);
        events.push(e);
        last = e;
        continue;
      }
      if (target) {
        absorb(target, participants);
        for (const p of participants) if (!target.roles.has(p)) target.roles.set(p, "participant");
        last = target;
      } else if (participants.length) {
        const e = make("meeting", participants);
        e.key = key;
        events.push(e);
        last = e;
      }
      continue;
    }

    // "in separate meetings with A and B": one event per person after "with".
    const sepIdx = separateIndex(s, trig);
    if (sepIdx >= 0) {
      const subj = participants.filter((p) => people.some((m) => m.person === p && m.run.i0 < sepIdx));
      const objs = people.filter((m) => m.run.i0 > sepIdx).map((m) => m.person);
      const ref = focus();
      if (!subj.length && plural && ref) subj.push(...ref.participants);
      for (const o of [...new Set(objs)]) {
        if (subj.includes(o)) continue;
        const e = make(
          trig.kind,
          [...subj, o].filter((x, i, arr) => arr.indexOf(x) === i),
        );
        if (e.participants.length >= 2) {
          if (trig.word === "received" || trig.word === "hosted") {
            for (const p of subj) e.roles.set(p, "host");
            e.roles.set(o, "guest");
          } else if (trig.kind === "visit") {
            for (const p of subj) e.roles.set(p, "guest");
            e.roles.set(o, "host");
          }
          events.push(e);
          last = e;
        }
      }
      continue;
    }

    const ref = focus();
    if (plural && ref && participants.length < 2) {
      participants = [...new Set([...ref.participants, ...participants])];
    }
    // "The two premiers co-chaired the signing ceremony": a ceremony of its own after the welcome, which the
    // signatories listed next ("X signed for Thailand") join.
    const ceremony = trig.kind === "signing" && hasWord(s, "ceremony");
    const ceremonyEvent = [...events].reverse().find((e) => e.key === "signing ceremony");
    if (trig.kind === "signing" && !ceremony && ceremonyEvent && signedOnBehalf(s)) {
      absorb(ceremonyEvent, participants);
      for (const p of participants) ceremonyEvent.roles.set(p, "signatory");
      last = ceremonyEvent;
      continue;
    }
    if (ceremony && participants.length >= 2 && !ceremonyEvent) {
      const e = make("signing", participants);
      e.key = "signing ceremony";
      events.push(e);
      last = e;
      continue;
    }
    // A keyed meeting ("a security-oriented consultative meeting was held") joins the event of that key.
    const key = keyOf(s);
    const keyed = key ? events.find((e) => e.key === key) : undefined;
    if (keyed) {
      absorb(keyed, participants);
      last = keyed;
      continue;
    }
    if (participants.length < 2) {
      const target = anaphoric ? ref : null;
      if (target && compatible(target)) {
        absorb(target, participants);
        continue;
      }
      if (trig.type === "strong" && participants.length === 1) {
        others.push({
          kind: trig.kind,
          reason: "single named participant",
          sent: s.index,
          participants,
          date: d.precision === "day" ? d.iso : null,
          dateApprox: d.approx,
          datePrecision: d.precision,
          dateText: d.text,
          place,
        });
      }
      for (const dd of s.dates) if (dd.precision === "day" && dd.iso) lastSeen = dd.iso;
      continue;
    }
    const sameSet = (e: LocalEvent) =>
      e.participants.length === participants.length && participants.every((p) => e.participants.includes(p));
    let target: LocalEvent | undefined;
    // An anaphoric sentence ("the two sides discussed") continues the previous event unless it names someone new.
    if (anaphoric && ref && compatible(ref) && participants.every((p) => ref.participants.includes(p))) target = ref;
    target ??= events.find((e) => sameSet(e) && compatible(e));
    // "X reiterated his support for Y, who on April 19 took office": a weak verb adds no new event of the same
    // people; its date belongs to another clause.
    if (trig.type === "weak") target ??= events.find((e) => sameSet(e));
    if (target) {
      absorb(target, participants);
      last = target;
    } else {
      const e = make(trig.kind, participants);
      if (/^(received|hosted|receives|hosts|welcomed|welcomes)$/.test(trig.word)) {
        // "X was received by Y": the host comes after "by".
        const passive = s.toks[trig.idx + 1]?.lower === "by";
        for (const m of people) {
          const before = m.run.i0 < trig.idx;
          e.roles.set(m.person, before !== passive ? "host" : "guest");
        }
        if (pronounSubject !== null) e.roles.set(pronounSubject, passive ? "guest" : "host");
      }
      if (trig.kind === "signing") for (const p of participants) e.roles.set(p, "signatory");
      events.push(e);
      last = e;
    }
    for (const dd of s.dates) if (dd.precision === "day" && dd.iso) lastSeen = dd.iso;
  }

  const fallbackPlace = articlePlace ?? (a.datelinePlace ? titleCase(a.datelinePlace) : null);
  for (const e of events) {
    if (e.ownDate) {
      e.date = e.ownDate;
      e.datePrecision = "day";
    } else if (e.ownPrecision && e.ownPrecision !== "day") {
      e.datePrecision = e.ownPrecision;
    } else if (!e.noAnchor && anchor) {
      e.date = anchor;
      e.datePrecision = "day";
    } else if (!e.noAnchor) {
      // "X arrived in Hanoi on October 15 … X was welcomed by Y": the day of the visit the event belongs to.
      const visit = visitDates.find((v) => v.participants.some((p) => e.participants.includes(p)));
      if (visit) {
        e.date = visit.date;
        e.datePrecision = "day";
      }
    }
    if (e.kind !== "phone_call") e.place ??= fallbackPlace;
    for (const p of e.participants) if (!e.roles.has(p)) e.roles.set(p, "participant");
  }
  return { events, others };
}

function titleCase(s: string): string {
  const city = CITY_BY_SURFACE.get(s.toLowerCase()) ?? worldCity(s.toLowerCase());
  if (city) return city;
  return s.toLowerCase().replace(WORD_INITIAL, (_m, a: string, b: string) => a + b.toUpperCase());
}
