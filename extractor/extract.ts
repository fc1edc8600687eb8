// Extractor entry point: articles in, actors, roles, events and evidence out (the CLI contract).
// Pure: no I/O; the CLI reads files and prints the result.

import { analyseArticle, type ArticleAnalysis, type Sentence } from "./article";
import { scoreConfidence } from "./confidence";
import { creditedSource } from "./credit";
import { findEvents, type ArticleEvents } from "./events";
import { countryOf, DEMONYMS, isGazetteerWord } from "./gazetteer";
import { resolveIdentities } from "./identity";
import { slugify } from "./names";
import { chooseTitle } from "./titles";
import type {
  ActorKind,
  ActorOut,
  AgreementOut,
  ArticleInput,
  EventOut,
  EvidenceOut,
  ExtractionResult,
  OtherEventOut,
  RoleOut,
  SuggestionOut,
  TopicOut,
} from "./types";

// Regular expressions with Unicode property escapes are module constants: the TypeScript loader (esbuild) turns
// such a literal into a \`new RegExp(…)\` call, which would build the expression again on every call.
const NON_WORD_CHARACTERS = /[^\p{L}'’-]+/u;
const AGREEMENT_NAME =
  /\b(memorandum of understanding|MoU|(?:[\p{L}-]+ ){0,3}(?:agreement|pact|accord|treaty|deal))\b/iu;

function articleId(file: string, used: Set<string>): string {
  const base = file.replace(/\\/g, "/").split("/").pop() ?? file;
  const stem = slugify(base.replace(/\.[^.]+$/, "")) || "article";
  let id = stem;
  for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
  used.add(id);
  return id;
}

function evidence(a: ArticleAnalysis, s: Sentence): EvidenceOut {
  return { article: a.id, start: s.start, end: s.end, quote: a.text.slice(s.start, s.end) };
}

function sameOrg(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/^the\s+/, "");
  return key(a) === key(b);
}

interface ActorBuilder {
  actor: ActorOut;
  keys: Set<string>;
}

/**
 * Extracts actors, roles and events from a set of articles. All articles share actor ids, so the same person
 * in several articles is one actor. Deterministic: the same input gives the same output. Every item carries a
 * `confidence`; nothing is filtered here (see `splitByConfidence` in confidence.ts).
 */
export function extractArticles(files: ArticleInput[]): ExtractionResult {
  const usedArticleIds = new Set<string>();
  const analyses = files.map((f) => analyseArticle(articleId(f.file, usedArticleIds), f.file, f.text));
  const eventsByArticle: ArticleEvents[] = analyses.map((a) => findEvents(a));
  const identity = resolveIdentities(analyses);

  const usedIds = new Set<string>(identity.clusters.map((c) => c.id));
  const actors: ActorOut[] = identity.clusters.map((c) => ({
    id: c.id,
    name: c.name,
    kind: "person",
    aliases: [],
    mentions: [],
  }));
  const personActor = (ai: number, pi: number): ActorOut => actors[identity.byLocal.get(`${ai}:${pi}`) as number];

  analyses.forEach((a, ai) => {
    for (const p of a.persons) {
      const actor = personActor(ai, p.index);
      for (const m of p.mentions) {
        actor.mentions.push({ article: a.id, start: m.run.start, end: m.run.end, text: m.run.text });
        if (m.run.text !== actor.name && !actor.aliases.includes(m.run.text)) actor.aliases.push(m.run.text);
      }
    }
  });

  // Countries, places and organisations.
  const others = new Map<string, ActorBuilder>();
  const otherActor = (key: string, name: string, kind: ActorKind): ActorOut => {
    let b = others.get(key);
    if (!b) {
      let id = slugify(name);
      for (let n = 2; usedIds.has(id); n++) id = `${slugify(name)}-${n}`;
      usedIds.add(id);
      b = { actor: { id, name, kind, aliases: [], mentions: [] }, keys: new Set([key]) };
      others.set(key, b);
      actors.push(b.actor);
    }
    return b.actor;
  };
  const acronyms = new Map<string, ActorOut>();
  for (const a of analyses) {
    for (const s of a.sentences) {
      for (const g of s.places) {
        const actor = otherActor(`${g.kind}:${g.name}`, g.name, g.kind);
        actor.mentions.push({ article: a.id, start: g.start, end: g.end, text: g.text });
        if (g.text !== g.name && !actor.aliases.includes(g.text)) actor.aliases.push(g.text);
      }
      // An indexed loop: this one visits every token of every article.
      for (let k = 0; k < s.toks.length; k++) {
        const t = s.toks[k];
        if (!t.cap) continue;
        const c = DEMONYMS.get(t.lower);
        if (!c) continue;
        const kind: ActorKind = countryOf(c) && c !== "Kurdistan Region" ? "country" : "place";
        const existing = others.get(`${kind}:${c}`) ?? others.get(`country:${c}`) ?? others.get(`place:${c}`);
        const actor = existing?.actor ?? otherActor(`${kind}:${c}`, c, kind);
        actor.mentions.push({ article: a.id, start: t.start, end: t.baseEnd, text: t.base });
        if (!actor.aliases.includes(t.base)) actor.aliases.push(t.base);
      }
      for (const o of s.orgs) {
        if (isGazetteerWord(o.text) || countryOf(o.text)) continue;
        // A news agency or newspaper that reports or is quoted is a source; it is an actor only in a story about it.
        if (o.media && !a.sentences.some((h) => h.headline && h.orgs.some((x) => sameOrg(x.text, o.text)))) continue;
        const key = `org:${o.text.toLowerCase().replace(/^the\s+/, "")}`;
        const actor = (o.acronym && acronyms.get(o.acronym)) || otherActor(key, o.text, o.kind);
        actor.mentions.push({ article: a.id, start: o.start, end: o.end, text: o.text });
        if (o.acronym) {
          acronyms.set(o.acronym, actor);
          if (!actor.aliases.includes(o.acronym)) actor.aliases.push(o.acronym);
        }
      }
    }
  }
  const actorByName = new Map<string, ActorOut>();
  for (const x of actors) if (x.kind !== "person") actorByName.set(x.name.toLowerCase(), x);

  // Roles: one main title per person per article.
  const roles: RoleOut[] = [];
  analyses.forEach((a, ai) => {
    for (const p of a.persons) {
      const best = chooseTitle(p.titles);
      const title = best?.text ?? p.describedAs[0];
      if (!title) continue;
      const actor = personActor(ai, p.index);
      let of: string | null = null;
      if (best) {
        const s = a.sentences[best.sent];
        const org = s.orgs.find((o) => o.start >= best.start && o.end <= best.end);
        if (org)
          of = (org.acronym && acronyms.get(org.acronym)?.id) || actorByName.get(org.text.toLowerCase())?.id || null;
        if (!of) {
          for (const w of title.split(NON_WORD_CHARACTERS)) {
            const c = countryOf(w.replace(/['’]s$/, ""));
            if (c && actorByName.has(c.toLowerCase())) {
              of = actorByName.get(c.toLowerCase())!.id;
              break;
            }
          }
        }
      }
      const alternatives = [...new Set(p.titles.map((t) => t.text))].filter((t) => t !== title);
      roles.push({
        actor: actor.id,
        title,
        of,
        article: a.id,
        alternatives,
        evidence: best ? evidence(a, a.sentences[best.sent]) : null,
      });
    }
  });

  // Events and other events.
  const events: EventOut[] = [];
  const otherEvents: OtherEventOut[] = [];
  const agreements: AgreementOut[] = [];
  const topicMap = new Map<string, TopicOut>();
  analyses.forEach((a, ai) => {
    const { events: evs, others: oth } = eventsByArticle[ai];
    evs.forEach((e, n) => {
      const participants = [...new Set(e.participants.map((p) => personActor(ai, p).id))];
      const participantRoles = e.participants.map((p) => ({
        actor: personActor(ai, p).id,
        role: e.roles.get(p) ?? "participant",
      }));
      const id = `evt-${a.id}-${n + 1}`;
      events.push({
        id,
        kind: e.kind,
        article: a.id,
        date: e.date,
        datePrecision: e.datePrecision,
        dateText: e.dateText,
        place: e.place,
        participants,
        participantRoles: participantRoles.filter(
          (r, i) => participantRoles.findIndex((x) => x.actor === r.actor) === i,
        ),
        topics: e.topics.map((t) => `topic-${slugify(t)}`),
        evidence: e.sents.sort((x, y) => x - y).map((si) => evidence(a, a.sentences[si])),
      });
      for (const t of e.topics) {
        const tid = `topic-${slugify(t)}`;
        const topic = topicMap.get(tid) ?? { id: tid, label: t, articles: [] };
        if (!topic.articles.includes(a.id)) topic.articles.push(a.id);
        topicMap.set(tid, topic);
      }
      if (
        e.kind === "signing" ||
        e.sents.some((si) =>
          /\b(signed|inked|formali[sz]ed)\b/i.test(a.text.slice(a.sentences[si].start, a.sentences[si].end)),
        )
      ) {
        for (const si of e.sents) {
          const s = a.sentences[si];
          const m = AGREEMENT_NAME.exec(a.text.slice(s.start, s.end));
          if (!m) continue;
          const name = m[1].replace(/^(the|a|an|has|have|signed|inked)\s+/i, "");
          agreements.push({
            id: `agr-${a.id}-${agreements.filter((g) => g.article === a.id).length + 1}`,
            article: a.id,
            name,
            parties: participants,
            evidence: [evidence(a, s)],
          });
          break;
        }
      }
    });
    oth.forEach((o, n) => {
      const s = a.sentences[o.sent];
      otherEvents.push({
        id: `oth-${a.id}-${n + 1}`,
        kind: o.kind,
        reason: o.reason,
        article: a.id,
        date: o.date,
        datePrecision: o.datePrecision,
        dateText: o.dateText,
        place: o.place,
        participants: [...new Set(o.participants.map((p) => personActor(ai, p).id))],
        evidence: [evidence(a, s)],
      });
    });
  });

  const suggestions: SuggestionOut[] = [];
  analyses.forEach((a, ai) => {
    for (const amb of a.ambiguous) {
      suggestions.push({
        kind: "ambiguous-mention",
        article: a.id,
        text: amb.text,
        candidates: [...new Set(amb.candidates.map((c) => personActor(ai, c).id))],
        chosen: personActor(ai, amb.chosen).id,
        start: amb.start,
        end: amb.end,
      });
    }
  });
  for (const amb of identity.ambiguous) {
    suggestions.push({
      kind: "possible-same-person",
      article: analyses[amb.article].id,
      text: amb.text,
      candidates: amb.candidates.map((c) => identity.clusters[c].id),
      chosen: null,
      start: null,
      end: null,
    });
  }

  const result: ExtractionResult = {
    articles: analyses.map((a) => ({
      id: a.id,
      file: a.file,
      title: a.title,
      date: a.pubDate,
      // Without a `source:` header line, the agency the text credits ("DUBAI (Reuters) -") is the source.
      source: a.fields.source ?? creditedSource(a.text),
      url: a.fields.url ?? null,
      dateline: a.datelinePlace,
    })),
    actors: actors.filter((x) => x.mentions.length > 0),
    roles,
    events,
    otherEvents,
    agreements,
    topics: [...topicMap.values()],
    suggestions,
  };
  // Every item gets a confidence; callers keep or review items with `splitByConfidence` (confidence.ts).
  scoreConfidence(result, { analyses, personActorId: (ai, pi) => personActor(ai, pi).id });
  return result;
}
