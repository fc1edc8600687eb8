/**
 * Events repository
 * =================
 *
 * Reads events (with participants, place, topics, agreements), evidence spans and article texts from Neo4j in the
 * caller's read transaction, and maps records to plain typed rows. Shared by the actors and articles modules.
 */
import { type ManagedTransaction, int as neoInt } from "neo4j-driver";
import type { NodeRef } from "../../../contracts/api.js";
import { cypher } from "../../db/cypher.js";
import { type IdRecord, toJson, toNumber } from "../../db/values.js";

export interface EventRow {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  datePrecision: string | null;
  summary: string | null;
  dateStart: string | null;
  place: NodeRef | null;
  topics: NodeRef[];
  participants: (NodeRef & { role: string })[];
  agreements: NodeRef[];
  /** The event's citations, read in the same query. */
  citations: CitationRow[];
  /** The articles recorded as reporting it (REPORTED_BY), with what each says. */
  reports: ReportRow[];
}

/** A REPORTED_BY link: the article, how and why it joined the event, and its own date, place and participants. */
export interface ReportRow {
  article: { id: string; title: string; publisher: string | null; published: string | null; url: string | null };
  how: string;
  at: string | null;
  why: { participants: string; date: string; place: string } | null;
  date: string | null;
  datePrecision: string | null;
  place: NodeRef | null;
  participants: NodeRef[];
  /** Whether the link records what the article says (links written before claims were stored do not). */
  hasClaims: boolean;
}

/** Maps a report map (cypher/fragments/event.cypher) to a row. */
export function reportRow(value: unknown): ReportRow {
  const r = value as {
    article: Record<string, unknown>;
    link: Record<string, unknown>;
    place: unknown;
    participants: unknown[];
  };
  const link = r.link;
  const whyDate = str(link.whyDate);
  return {
    article: {
      id: String(r.article.id),
      title: str(r.article.title) ?? String(r.article.id),
      publisher: str(r.article.publisher),
      published: str(r.article.published),
      url: str(r.article.url),
    },
    how: str(link.how) ?? "first",
    at: str(link.at),
    why: whyDate
      ? { participants: str(link.whyParticipants) ?? "", date: whyDate, place: str(link.whyPlace) ?? "" }
      : null,
    date: str(link.date),
    datePrecision: str(link.datePrecision),
    place: r.place === null || r.place === undefined ? null : nodeRef(r.place),
    participants: r.participants.filter((p) => p !== null && p !== undefined).map(nodeRef),
    hasClaims: Array.isArray(link.participants),
  };
}

export interface CitationRow {
  id: string;
  paragraph: number | null;
  start: number | null;
  end: number | null;
  by: string;
  status: string;
  note: string | null;
  article: {
    id: string;
    title: string;
    publisher: string | null;
    published: string | null;
    url: string | null;
    file: string | null;
    hasText: boolean;
  } | null;
}

/** A string or null from a driver value (partial dates are strings already; temporals become ISO). */
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJson(v)));

/** A number or null from a driver value. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : toNumber(v));

/** Maps a `{id, name, type, kind}` map projection to the API's node reference. */
export function nodeRef(value: unknown): NodeRef {
  const m = value as { id: string; name: string | null; type: string | null; kind: string | null };
  return { id: m.id, label: m.name ?? m.id, category: m.type ?? "unknown", kind: m.kind ?? m.type ?? "unknown" };
}

/** LIMIT and SKIP want Neo4j integers, not JavaScript floats. */
export function intParam(n: number) {
  return neoInt(Math.floor(n));
}

/** Maps an event map (cypher/fragments/event.cypher) to a row. */
export function eventRow(value: unknown): EventRow {
  const e = value as Record<string, unknown>;
  const citations = (e.citations as unknown[]).map(citationRow);
  return {
    id: String(e.id),
    name: str(e.name) ?? String(e.id),
    kind: str(e.kind) ?? "event",
    date: str(e.date),
    datePrecision: str(e.datePrecision),
    summary: str(e.summary),
    dateStart: str(e.dateStart),
    place: e.place === null || e.place === undefined ? null : nodeRef(e.place),
    topics: (e.topics as unknown[]).map(nodeRef),
    participants: (e.participants as { role: string | null }[]).map((p) => ({
      ...nodeRef(p),
      role: p.role ?? "participant",
    })),
    agreements: (e.agreements as unknown[]).map(nodeRef),
    citations,
    reports: ((e.reports as unknown[] | undefined) ?? []).map(reportRow),
  };
}

/** Maps a citation map (cypher/fragments/citation.cypher) to a row. */
export function citationRow(value: unknown): CitationRow {
  const r = value as Record<string, unknown>;
  const a = r.article as Record<string, unknown> | null;
  return {
    id: String(r.id),
    paragraph: num(r.paragraph),
    start: num(r.start),
    end: num(r.end),
    by: str(r.by) ?? "curator",
    status: str(r.status) ?? "accepted",
    note: str(r.note),
    article: a
      ? {
          id: String(a.id),
          title: str(a.title) ?? String(a.id),
          publisher: str(a.publisher),
          published: str(a.published),
          url: str(a.url),
          file: str(a.file),
          hasText: a.hasText === true,
        }
      : null,
  };
}

/** Events by id, oldest first; unknown ids are skipped. */
export async function readEventRows(tx: ManagedTransaction, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<{ event: Record<string, unknown> }>(cypher("queries/events/events"), { ids });
  return result.records.map((r) => eventRow(r.get("event")));
}

/** Stored texts of the given articles, by id (articles without text are absent). */
export async function readArticleTexts(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run<{ id: string; text: string }>(cypher("queries/events/article-texts"), { ids });
  return new Map(result.records.map((r) => [r.get("id"), r.get("text")]));
}

/** Ids of the encounter events two actors share, oldest first. */
export async function readEncounterIds(
  tx: ManagedTransaction,
  source: string,
  target: string,
  encounterKinds: readonly string[],
  limit: number,
): Promise<string[]> {
  const result = await tx.run<IdRecord>(cypher("queries/events/encounters"), {
    source,
    target,
    encounterKinds: [...encounterKinds],
    limit: intParam(limit),
  });
  return result.records.map((r) => r.get("id"));
}
