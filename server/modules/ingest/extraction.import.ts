/**
 * Extraction → import format
 * ==========================
 *
 * Turns what the article extractor found into an import document, so articles enter the graph through the same
 * validated, all-or-nothing, idempotent path as every other dataset. Actors are written in `extend` mode: a person
 * already in the graph (curated or from another article) keeps what is known and gains the new evidence.
 */
import type { ImportFileInput } from "../../../contracts/import-format.js";
import { MAX_ARTICLE_BYTES } from "../../../contracts/ingest.js";
import { type NodeType, isActorType, linkEndAccepts } from "../../../contracts/vocabulary.js";
import { extractArticles } from "../../../extractor/extract.js";
import { detectLanguage, notEnglishMessage } from "../../../extractor/language.js";
import type { ActorKind, ArticleInput, EvidenceOut, ExtractionResult } from "../../../extractor/types.js";
import { type ArticleIdentity, articleIdentityOf, textSha256 } from "./extraction.identity.js";
import { type DoubtfulItem, doubtfulSuggestions, splitDoubtful } from "./extraction.doubtful.js";
import { EVENT_LABELS } from "./extraction.event-labels.js";
import { ArticleInputError } from "../../errors.js";

/** Recorded on every citation the extractor makes. */
export const EXTRACTOR_ID = "extractor:parley-rules-1";

const TYPE_OF_ACTOR: Record<ActorKind, NodeType> = {
  person: "person",
  government: "government",
  organization: "organization",
  country: "country",
  place: "place",
  other: "organization",
};

/** Decodes an article file's bytes, refusing empty, binary, oversized and non-UTF-8 input with a clear reason. */
export function decodeArticle(file: string, bytes: Uint8Array): ArticleInput {
  if (bytes.length === 0) throw new ArticleInputError(file, "the file is empty; an article needs some text.");
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ArticleInputError(
      file,
      `the file is ${Math.round(bytes.length / 1e6)} MB; articles are at most ${MAX_ARTICLE_BYTES / 1e6} MB of text.`,
    );
  }
  if (bytes.includes(0))
    throw new ArticleInputError(
      file,
      "the file is binary (it contains NUL bytes); save the article as plain UTF-8 text.",
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleInputError(
      file,
      "the file is not valid UTF-8; convert it (e.g. `iconv -f latin1 -t utf-8`) and try again.",
    );
  }
  if (text.trim().length === 0)
    throw new ArticleInputError(file, "the file holds only whitespace; an article needs some text.");
  // The rules read English; a long text that is clearly another language is refused rather than misread.
  const language = detectLanguage(text);
  if (!language.english) throw new ArticleInputError(file, notEnglishMessage(language));
  return { file, text };
}

const slug = (value: string) =>
  value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "x";

/** The SHA-256 of each input's text: the look-up key of articles the graph already holds. */
export function inputHashes(inputs: ArticleInput[]): string[] {
  return inputs.map((i) => textSha256(i.text));
}

/** Maps the extractor's article ids (file stems) to the articles' identities and rewrites the ids derived from them. */
class ArticleIds {
  private readonly byExtracted = new Map<string, ArticleIdentity>();
  /** `identities[i]` is that of the extractor's article i (it keeps the inputs' order, even when names repeat). */
  constructor(extraction: ExtractionResult, identities: ArticleIdentity[]) {
    extraction.articles.forEach((a, i) => this.byExtracted.set(a.id, identities[i]!));
  }
  /** The import id of an extracted article ("d01" → "art-3f2a…"). */
  readonly articleIdOf = (extracted: string): string => this.byExtracted.get(extracted)?.id ?? `art-${slug(extracted)}`;
  /** An event's or agreement's id with its article's key in place of the file stem ("evt-d01-2" → "evt-3f2a…-2"). */
  rekey(id: string, extracted: string): string {
    const identity = this.byExtracted.get(extracted);
    const prefix = /^([a-z]+)-/.exec(id)?.[1];
    if (!identity || !prefix || !id.startsWith(`${prefix}-${extracted}-`)) return id;
    return `${prefix}-${identity.key}-${id.slice(prefix.length + extracted.length + 2)}`;
  }
}

/** 0-based paragraph of an offset, counting non-blank lines as the import validator does. */
function paragraphOf(text: string, offset: number): number {
  const before = text.slice(0, offset).split("\n");
  before.pop();
  return before.filter((line) => /\S/.test(line)).length;
}

/**
 * Extracts the articles and maps the sure part of the result into an import document (texts inline, so quotes can
 * be shown); items below the confidence threshold become `low-confidence` review suggestions in it instead of
 * nodes, unless `acceptAll`. `knownIds` (article id by the SHA-256 of its text, see `inputHashes`) names texts the
 * graph already holds; a text given twice is read once.
 */
export function articlesToImport(
  inputs: ArticleInput[],
  options: { acceptAll?: boolean; knownIds?: ReadonlyMap<string, string> } = {},
): {
  extraction: ExtractionResult;
  document: ImportFileInput;
  doubtful: DoubtfulItem[];
  /** Everything extracted, sure or not, and the texts by extraction article id (for the surname look-up). */
  all: ExtractionResult;
  texts: Map<string, string>;
  /** The import id of an extraction article id. */
  articleIdOf: (extracted: string) => string;
} {
  const knownIds = options.knownIds ?? new Map<string, string>();
  // One article per identity: a text given twice is read once.
  const byId = new Map<string, { input: ArticleInput; identity: ArticleIdentity }>();
  for (const input of inputs) {
    const identity = articleIdentityOf(input.text, knownIds);
    if (!byId.has(identity.id)) byId.set(identity.id, { input, identity });
  }
  const unique = [...byId.values()].map((u) => u.input);
  const everything = extractArticles(unique);
  const ids = new ArticleIds(
    everything,
    [...byId.values()].map((u) => u.identity),
  );
  const texts = new Map(everything.articles.map((a, i) => [a.id, unique[i].text]));
  const { kept, doubtful } = splitDoubtful(everything, { acceptAll: options.acceptAll, texts });
  const document = extractionToImport(kept, unique, ids);
  const review = doubtfulSuggestions(doubtful, ids.articleIdOf);
  if (review.length) document.suggestions = [...(document.suggestions ?? []), ...review];
  return { extraction: kept, document, doubtful, all: everything, texts, articleIdOf: ids.articleIdOf };
}

/** Maps an extraction of the given inputs (in the extraction's order) into the import format. */
function extractionToImport(extraction: ExtractionResult, inputs: ArticleInput[], ids: ArticleIds): ImportFileInput {
  const textByArticle = new Map(extraction.articles.map((a, i) => [a.id, inputs[i].text]));
  const cite = (e: EvidenceOut | { article: string; start: number; end: number }) => ({
    article: ids.articleIdOf(e.article),
    start: e.start,
    end: e.end,
    paragraph: paragraphOf(textByArticle.get(e.article) ?? "", e.start),
    by: EXTRACTOR_ID,
  });

  const articles = extraction.articles.map((a) => {
    const text = textByArticle.get(a.id) ?? "";
    return {
      id: ids.articleIdOf(a.id),
      title: a.title ?? a.file.split("/").pop() ?? a.id,
      ...(a.source ? { publisher: a.source } : {}),
      ...(a.url && /^https?:\/\//.test(a.url) ? { url: a.url } : {}),
      ...(a.date ? { published: a.date, publishedPrecision: "day" as const } : {}),
      ...(a.dateline ? { dateline: a.dateline.slice(0, 200) } : {}),
      file: a.file.split("/").pop()!,
      text,
      sha256: textSha256(text),
    };
  });

  const actorType = new Map(extraction.actors.map((a) => [a.id, TYPE_OF_ACTOR[a.kind]]));
  const nameOf = new Map(extraction.actors.map((a) => [a.id, a.name]));
  const nodes: NonNullable<ImportFileInput["nodes"]> = extraction.actors.map((a) => ({
    id: a.id,
    mode: "extend" as const,
    type: TYPE_OF_ACTOR[a.kind],
    kind: a.kind === "other" ? "organization" : a.kind === "place" ? "place" : a.kind,
    name: a.name,
    aliases: a.aliases.filter((alias) => alias !== a.name),
    // One citation per article (the first mention) keeps the evidence list short but traceable.
    evidence: [...new Map(a.mentions.map((m) => [m.article, m])).values()].map(cite),
  }));

  // The extractor's topic ids already read "topic-trade": kept as they are, they meet the graph's own topic of
  // that name (extend mode) instead of adding a second "trade" beside "Trade".
  const topicIds = new Map(
    extraction.topics.map((t) => [t.id, t.id.startsWith("topic-") ? slug(t.id) : `topic-${slug(t.id)}`]),
  );
  for (const t of extraction.topics) {
    nodes.push({ id: topicIds.get(t.id)!, mode: "extend", type: "topic", kind: "topic", name: t.label });
  }
  for (const a of extraction.agreements) {
    nodes.push({
      id: ids.rekey(a.id, a.article),
      type: "agreement",
      kind: "agreement",
      name: a.name,
      parties: a.parties.filter((p) => isActor(actorType.get(p))),
      evidence: a.evidence.map(cite),
    });
  }

  // The extractor names an event's place ("Geneva"); the import links it to that place's actor id ("geneva").
  const placeIds = new Map(
    extraction.actors.filter((a) => a.kind === "place" || a.kind === "country").map((a) => [a.name, a.id]),
  );
  const placeOrNull = (place: string | null) => {
    const id = place === null ? undefined : actorType.has(place) ? place : placeIds.get(place);
    return id && (actorType.get(id) === "place" || actorType.get(id) === "country") ? id : undefined;
  };
  const eventName = (kind: string, participants: string[]) =>
    `${EVENT_LABELS[kind] ?? kind}: ${participants.map((p) => nameOf.get(p) ?? p).join(", ") || "unnamed participants"}`;
  const dateFields = (date: string | null, precision: string | null) =>
    date
      ? {
          date: precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date,
          datePrecision: (precision ?? "day") as "day" | "month" | "year",
        }
      : {};

  for (const e of extraction.events) {
    const roles = new Map(e.participantRoles.map((r) => [r.actor, r.role]));
    const participants = e.participants.filter((p) => isActor(actorType.get(p)));
    nodes.push({
      id: ids.rekey(e.id, e.article),
      type: "event",
      kind: e.kind,
      name: eventName(e.kind, participants),
      ...dateFields(e.date, e.datePrecision),
      ...(placeOrNull(e.place) ? { place: placeOrNull(e.place)! } : {}),
      topics: e.topics.map((t) => topicIds.get(t)).filter((t): t is string => t !== undefined),
      participants: participants.map((p) => ({ actor: p, role: roles.get(p) ?? "participant" })),
      produced: [],
      evidence: e.evidence.map(cite),
      properties: e.dateText ? { dateText: e.dateText.slice(0, 200) } : {},
    });
  }
  for (const e of extraction.otherEvents) {
    // Planned, denied or one-sided events are recorded with a kind that never feeds the met-with projection.
    const kind =
      e.reason === "statement" || e.kind === "statement" || e.kind === "interview"
        ? e.kind
        : `${slug(e.reason).replace(/-/g, "_")}_${e.kind}`;
    const participants = e.participants.filter((p) => isActor(actorType.get(p)));
    nodes.push({
      id: ids.rekey(e.id, e.article),
      type: "event",
      kind: /^[a-z][a-z0-9_]*$/.test(kind) ? kind.slice(0, 60) : "other_event",
      name: eventName(e.kind, participants),
      ...dateFields(e.date, e.datePrecision),
      ...(placeOrNull(e.place) ? { place: placeOrNull(e.place)! } : {}),
      participants: participants.map((p) => ({ actor: p, role: e.kind === "statement" ? "speaker" : "participant" })),
      evidence: e.evidence.map(cite),
      properties: { status: e.reason.slice(0, 100) },
    });
  }

  const publishedOf = new Map(extraction.articles.map((a) => [a.id, a.date]));
  const roles = extraction.roles
    .filter((r) => r.of !== null && actorType.get(r.actor) === "person" && isOffice(actorType.get(r.of)))
    .map((r) => ({
      person: r.actor,
      title: r.title,
      of: r.of!,
      ...(publishedOf.get(r.article) ? { asOf: publishedOf.get(r.article)! } : {}),
      evidence: r.evidence ? [cite(r.evidence)] : [],
    }));

  // Curation: the extractor's ambiguities go to the review queue (only candidates that became actors).
  const suggestions = extraction.suggestions
    .map((s) => ({
      kind: s.kind,
      article: s.article ? ids.articleIdOf(s.article) : null,
      text: s.text.slice(0, 500),
      candidates: s.candidates.filter((c) => actorType.has(c)),
      chosen: s.chosen && actorType.has(s.chosen) ? s.chosen : null,
      start: s.start,
      end: s.end,
    }))
    .filter((s) => s.candidates.length >= 2 && s.text.trim().length > 0);

  return {
    format: "parley-import",
    version: 1,
    title: `Extracted from ${inputs.length} article(s)`,
    articles,
    nodes,
    roles,
    ...(suggestions.length ? { suggestions } : {}),
  };
}

function isActor(type: NodeType | undefined): boolean {
  return type !== undefined && isActorType(type);
}

function isOffice(type: NodeType | undefined): boolean {
  return type !== undefined && linkEndAccepts("HOLDS_ROLE", "target", type);
}
