// Article analysis: header → layout → sentences → mentions → persons with titles, for one article.
// Everything later (events, identity) reads this structure; offsets are those of the file's text.

import { analyseLayout } from "./boilerplate";
import { findDates, type DateExpr } from "./dates";
import { NAME_HONORIFICS, TITLE_HEADS, TITLE_NAMES } from "./gazetteer";
import { headerDate, parseHeader } from "./header";
import {
  classifyTokens,
  findGazetteerMentions,
  findNameRuns,
  findOrgMentions,
  type GazetteerMention,
  type NameRun,
  type OrgMention,
  type TokenClass,
} from "./mentions";
import { givenNameMatches, isNameTail, sameFullName, surnameMatches, coreTokens } from "./names";
import { splitTokenizedSentences } from "./sentences";
import { rankBefore, titleAfter, titleBefore, type TitleFound } from "./titles";
import type { Token } from "./tokens";

/** A photo credit: "Photo: Agency", "Photo by X / AFP", "(X/Y via Getty Images)". */
const PHOTO_CREDIT =
  /\b(photo|photograph|picture|image)s?\s*(:|by\b|credit)|\bvia getty images\b|\/\s*(AFP|Reuters|AP|EPA|Getty Images)\b/i;

export interface Sentence {
  index: number;
  start: number;
  end: number;
  headline: boolean;
  /** The sentence belongs to a photo caption (its paragraph carries a photo credit). */
  caption: boolean;
  toks: Token[];
  cls: TokenClass[];
  runs: NameRun[];
  places: GazetteerMention[];
  orgs: OrgMention[];
  dates: DateExpr[];
}

export interface PersonMention {
  person: number;
  sent: number;
  run: NameRun;
  /** Title phrases attached to this mention (token ranges in the same sentence). */
  titles: TitleFound[];
}

export interface LocalPerson {
  index: number;
  /** Full-name surface forms (two or more name tokens), in order of appearance. */
  names: string[];
  /** Single-token surface forms linked to this person. */
  shortNames: string[];
  mentions: PersonMention[];
  titles: (TitleFound & { sent: number; headline?: boolean; article?: string })[];
  /** Titles inferred from an unnamed description ("Iran's ambassador to Baghdad"), used only as a fallback. */
  describedAs: string[];
}

export interface AmbiguousMention {
  text: string;
  start: number;
  end: number;
  candidates: number[];
  chosen: number;
}

export interface ArticleAnalysis {
  id: string;
  file: string;
  text: string;
  fields: Record<string, string>;
  title: string | null;
  pubDate: string | null;
  datelinePlace: string | null;
  sentences: Sentence[];
  persons: LocalPerson[];
  mentions: PersonMention[];
  ambiguous: AmbiguousMention[];
}

function fullName(p: LocalPerson): string {
  return p.names.length
    ? p.names.reduce((a, b) => (coreTokens(b).length > coreTokens(a).length ? b : a))
    : p.shortNames[0];
}

/** The display name of a local person: its most complete surface form. */
export function personName(p: LocalPerson): string {
  return fullName(p);
}

/**
 * Analyses one article: layout, sentences, name runs, gazetteer and organisation mentions, dates, and the
 * persons of the article (full names clustered by spelling, surname-only mentions linked to the nearest
 * preceding full name, titles gathered per person).
 */
export function analyseArticle(id: string, file: string, text: string): ArticleAnalysis {
  const header = parseHeader(text);
  const layout = analyseLayout(text, header.bodyStart);
  const pubDate = headerDate(header.fields.date) ?? layout.bodyDate;

  const sentences: Sentence[] = [];
  for (const para of layout.paragraphs) {
    const caption = PHOTO_CREDIT.test(text.slice(para.start, para.end));
    for (const r of splitTokenizedSentences(text, para)) {
      const toks = r.toks;
      if (!toks.length) continue;
      const cls = classifyTokens(toks, para.kind === "headline");
      sentences.push({
        index: sentences.length,
        start: r.start,
        end: r.end,
        headline: para.kind === "headline",
        caption,
        toks,
        cls,
        runs: findNameRuns(text, toks, cls),
        places: findGazetteerMentions(text, toks),
        orgs: findOrgMentions(text, toks, cls),
        dates: findDates(text, toks, pubDate),
      });
    }
  }

  // Persons from full names (standalone multi-token runs), clustered by spelling within the article.
  const persons: LocalPerson[] = [];
  const mentions: PersonMention[] = [];
  const newPerson = (): LocalPerson => {
    const p: LocalPerson = {
      index: persons.length,
      names: [],
      shortNames: [],
      mentions: [],
      titles: [],
      describedAs: [],
    };
    persons.push(p);
    return p;
  };
  const fullPositions: { pos: number; person: number }[] = [];
  for (const s of sentences) {
    for (const run of s.runs) {
      if (!run.standalone) continue;
      // "Amir Tamim" after "Tamim bin Hamad Al Thani": a title word that is also a given name, then a given name.
      const titleWord = run.size === 2 && TITLE_NAMES.has(s.toks[run.i0].lower);
      const given = titleWord ? s.toks[run.i1 - 1].base : "";
      const titledGiven = titleWord
        ? persons.find((x) => x.names.some((n) => givenNameMatches(given, n) && !sameFullName(n, run.text)))
        : undefined;
      let p =
        titledGiven ?? persons.find((x) => x.names.some((n) => sameFullName(n, run.text) || isNameTail(n, run.text)));
      if (!p) p = newPerson();
      if (titledGiven) {
        if (!p.shortNames.includes(run.text)) p.shortNames.push(run.text);
      } else if (!p.names.includes(run.text)) p.names.push(run.text);
      if (run.nickname && !p.shortNames.includes(run.nickname)) p.shortNames.push(run.nickname);
      const m: PersonMention = { person: p.index, sent: s.index, run, titles: [] };
      p.mentions.push(m);
      mentions.push(m);
      fullPositions.push({ pos: run.start, person: p.index });
    }
  }

  // Single-token mentions: surname (or "Prince Faisal" given name) of a full name, nearest preceding first.
  const ambiguous: AmbiguousMention[] = [];
  for (const s of sentences) {
    for (const run of s.runs) {
      if (run.standalone) continue;
      const honorific = run.h0 < run.i0 && NAME_HONORIFICS.has(s.toks[run.h0].lower);
      const cands = persons.filter(
        (p) =>
          p.names.length > 0 &&
          (p.names.some((n) => surnameMatches(run.text, n) || (honorific && givenNameMatches(run.text, n))) ||
            p.shortNames.includes(run.text)),
      );
      let chosen: LocalPerson | undefined;
      if (cands.length === 1) chosen = cands[0];
      else if (cands.length > 1) {
        const ids = new Set(cands.map((c) => c.index));
        const before = fullPositions.filter((f) => ids.has(f.person) && f.pos < run.start);
        const after = fullPositions.filter((f) => ids.has(f.person) && f.pos > run.start);
        const pick = before.length ? before[before.length - 1] : after[0];
        chosen = persons[pick.person];
        ambiguous.push({ text: run.text, start: run.start, end: run.end, candidates: [...ids], chosen: chosen.index });
      } else if (run.size === 1) {
        // A lone name after a title word ("President Rouhani") is a person even without a full name.
        const prev = s.toks[run.h0 - 1];
        const titled = run.h0 < run.i0 || (!!prev && TITLE_HEADS.has(prev.lower) && prev.cap);
        if (titled && !s.headline) {
          chosen = persons.find(
            (p) => p.names.length === 0 && p.shortNames.some((n) => sameFullName(n, run.text) || n === run.text),
          );
          if (!chosen) chosen = newPerson();
        }
      }
      if (!chosen) continue;
      if (!chosen.shortNames.includes(run.text) && !chosen.names.includes(run.text)) chosen.shortNames.push(run.text);
      const m: PersonMention = { person: chosen.index, sent: s.index, run, titles: [] };
      chosen.mentions.push(m);
      mentions.push(m);
    }
  }
  mentions.sort((a, b) => a.run.start - b.run.start);
  for (const p of persons) p.mentions.sort((a, b) => a.run.start - b.run.start);

  // Titles next to each mention.
  for (const m of mentions) {
    const s = sentences[m.sent];
    // A title phrase stops where another name (or its honorific) begins.
    const nameStarts = new Set(mentions.filter((o) => o.sent === m.sent && o !== m).map((o) => o.run.h0));
    const found = [
      titleBefore(text, s.toks, s.cls, m.run),
      titleAfter(text, s.toks, s.cls, m.run, nameStarts),
      rankBefore(text, s.toks, m.run),
    ];
    for (const t of found) {
      if (!t) continue;
      m.titles.push(t);
      // Headlines and photo captions word titles their own way; the body's first mention is the role.
      persons[m.person].titles.push({ ...t, sent: s.index, headline: s.headline || s.caption });
    }
  }

  return {
    id,
    file,
    text,
    fields: header.fields,
    title: layout.title,
    pubDate,
    datelinePlace: layout.datelinePlace,
    sentences,
    persons,
    mentions,
    ambiguous,
  };
}
