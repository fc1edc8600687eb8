/**
 * Events service
 * ==============
 *
 * Turns event and evidence rows into the API's EventDto and CitationDto: participants ordered by role, citations
 * with the quoted passage cut from the stored article text (UTF-16 offsets, as the import format defines them).
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { CitationDto, EventDto } from "../../../contracts/api.js";
import { PARTICIPANT_ROLES } from "../../../contracts/vocabulary.js";
import type { Database } from "../../db/database.js";
import { NotFoundError } from "../../errors.js";
import { type CitationRow, type EventRow, readArticleTexts, readEventRows } from "./events.repository.js";
import { eventReports, reportDisagreements } from "./events.reports.js";

/** Reads in one consistent read transaction with a bounded timeout. */
export function inReadTx<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return db.readTx(work, { timeoutMs: 15_000 });
}

/**
 * Citations from citation rows already read (e.g. with their events), keyed by evidence id. Article texts are
 * fetched once for all of them, and only for articles that have a text and a cited span.
 */
export async function citationsFromRows(
  tx: ManagedTransaction,
  rows: CitationRow[],
): Promise<Map<string, CitationDto>> {
  const wanted = new Set(
    rows.filter((r) => r.article?.hasText && r.start !== null && r.end !== null).map((r) => r.article!.id),
  );
  const texts = await readArticleTexts(tx, [...wanted]);
  return new Map(rows.filter((r) => r.article !== null).map((r) => [r.id, toCitation(r, texts)]));
}

function toCitation(row: CitationRow, texts: Map<string, string>): CitationDto {
  const article = row.article!;
  const text = texts.get(article.id);
  const quote =
    text !== undefined && row.start !== null && row.end !== null && row.end <= text.length
      ? text.slice(row.start, row.end)
      : null;
  return {
    evidenceId: row.id,
    article: {
      id: article.id,
      title: article.title,
      publisher: article.publisher,
      published: article.published,
      url: article.url,
      file: article.file,
      textStored: article.hasText,
    },
    paragraph: row.paragraph,
    start: row.start,
    end: row.end,
    by: row.by,
    status: row.status,
    quote,
    note: row.note,
  };
}

/** Citations for a list of evidence ids, in reading order (article, then offset). */
export function citationsFor(ids: readonly string[], citations: Map<string, CitationDto>): CitationDto[] {
  return ids
    .map((id) => citations.get(id))
    .filter((c): c is CitationDto => c !== undefined)
    .sort(
      (a, b) =>
        a.article.id.localeCompare(b.article.id) ||
        (a.start ?? -1) - (b.start ?? -1) ||
        a.evidenceId.localeCompare(b.evidenceId),
    );
}

const ROLE_ORDER = new Map<string, number>(PARTICIPANT_ROLES.map((role, i) => [role, i]));

/** An EventDto from its row and the citations resolved for it (and possibly for more). */
export function toEventDto(row: EventRow, citations: Map<string, CitationDto>): EventDto {
  const evidence = citationsFor(
    row.citations.map((c) => c.id),
    citations,
  );
  const reports = eventReports(row.reports, evidence);
  return {
    id: row.id,
    label: row.name,
    kind: row.kind,
    date: row.date,
    datePrecision: row.datePrecision,
    summary: row.summary,
    place: row.place,
    topics: [...row.topics].sort((a, b) => a.label.localeCompare(b.label)),
    // Hosts first, then guests, signatories…, so a panel reads "X hosted Y".
    participants: [...row.participants].sort(
      (a, b) => (ROLE_ORDER.get(a.role) ?? 99) - (ROLE_ORDER.get(b.role) ?? 99) || a.label.localeCompare(b.label),
    ),
    agreements: row.agreements,
    evidence,
    reports,
    disagreements: reportDisagreements(reports),
  };
}

/** EventDtos for the given ids, oldest first (undated last), with their citations resolved. */
export async function buildEvents(tx: ManagedTransaction, ids: string[]): Promise<EventDto[]> {
  return eventDtos(tx, await readEventRows(tx, ids));
}

/** EventDtos for event rows already read, in their order, with their citations resolved. */
export async function eventDtos(tx: ManagedTransaction, rows: EventRow[]): Promise<EventDto[]> {
  const citations = await citationsFromRows(
    tx,
    rows.flatMap((r) => r.citations),
  );
  return rows.map((row) => toEventDto(row, citations));
}

/** One event by id, or NotFoundError. */
export async function getEvent(db: Database, id: string): Promise<EventDto> {
  const [event] = await inReadTx(db, (tx) => buildEvents(tx, [id]));
  if (!event)
    throw new NotFoundError(
      `Events: no event with id "${id}". Event ids are slugs such as "evt-2018-01-21-…"; search with /api/search?q=.`,
    );
  return event;
}
