/**
 * Events repository
 * =================
 *
 * Reads events (with participants, place, topics, agreements), evidence spans and article texts from Neo4j in the
 * caller's read transaction, and maps records to plain typed rows. Shared by the actors and articles modules.
 */
import { type ManagedTransaction, int as neoInt } from "neo4j-driver";
import type { NodeRef } from "../../contracts/api.js";
import { cypher } from "../../db/cypher.js";
import { toJson, toNumber } from "../../db/values.js";

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
  evidence: string[];
  /** The citation rows of `evidence`, read in the same query. */
  citations: CitationRow[];
}

export interface CitationRow {
  id: string;
  paragraph: number | null;
  start: number | null;
  end: number | null;
  by: string;
  status: string;
  article: {
    id: string;
    title: string;
    publisher: string | null;
    published: string | null;
    url: string | null;
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

/** Events by id, oldest first; unknown ids are skipped. */
export async function readEventRows(tx: ManagedTransaction, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(cypher("queries/events/events"), { ids });
  return result.records.map((r) => ({
    id: r.get("id"),
    name: r.get("name") ?? r.get("id"),
    kind: r.get("kind") ?? "event",
    date: str(r.get("date")),
    datePrecision: str(r.get("datePrecision")),
    summary: str(r.get("summary")),
    dateStart: str(r.get("dateStart")),
    place: r.get("place") === null ? null : nodeRef(r.get("place")),
    topics: (r.get("topics") as unknown[]).map(nodeRef),
    participants: (r.get("participants") as { role: string | null }[]).map((p) => ({
      ...nodeRef(p),
      role: p.role ?? "participant",
    })),
    agreements: (r.get("agreements") as unknown[]).map(nodeRef),
    evidence: r.get("evidence"),
    citations: (r.get("citations") as Record<string, unknown>[]).map((c) => citationRow(c, c.article)),
  }));
}

function citationRow(r: Record<string, unknown>, articleValue: unknown): CitationRow {
  const a = articleValue as Record<string, unknown> | null;
  return {
    id: String(r.id),
    paragraph: num(r.paragraph),
    start: num(r.start),
    end: num(r.end),
    by: str(r.by) ?? "curator",
    status: str(r.status) ?? "accepted",
    article: a
      ? {
          id: String(a.id),
          title: str(a.title) ?? String(a.id),
          publisher: str(a.publisher),
          published: str(a.published),
          url: str(a.url),
          hasText: a.hasText === true,
        }
      : null,
  };
}

/** Evidence spans by id, with their article's metadata (not its text). */
export async function readCitationRows(tx: ManagedTransaction, ids: string[]): Promise<CitationRow[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(cypher("queries/events/citations"), { ids });
  return result.records.map((r) => citationRow(r.toObject(), r.get("article")));
}

/** Stored texts of the given articles, by id (articles without text are absent). */
export async function readArticleTexts(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run(cypher("queries/events/article-texts"), { ids });
  return new Map(result.records.map((r) => [r.get("id") as string, r.get("text") as string]));
}

/** Ids of the encounter events two actors share, oldest first. */
export async function readEncounterIds(
  tx: ManagedTransaction,
  source: string,
  target: string,
  encounterKinds: readonly string[],
  limit: number,
): Promise<string[]> {
  const result = await tx.run(cypher("queries/events/encounters"), {
    source,
    target,
    encounterKinds: [...encounterKinds],
    limit: intParam(limit),
  });
  return result.records.map((r) => r.get("id"));
}
