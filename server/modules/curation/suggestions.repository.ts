/**
 * Suggestions repository
 * ======================
 *
 * The review queue in Neo4j: suggestions read by status, id or decision key, decided together, stored by imports
 * (a suggestion whose question was answered before takes that answer at once), and the evidence an accepted
 * ambiguous mention moves. The service (suggestions.service.ts) and the import hooks (import-hooks.ts) decide; the
 * Cypher runs here.
 */
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from "neo4j-driver";
import type { Json } from "../../../contracts/json.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { type CountRecord, type IdRecord, toJsonMap, toNumber } from "../../db/values.js";

/** A suggestion as the review page shows it. */
export type SuggestionView = Record<string, Json>;

/** A record of queries/curation/suggestion, suggestions-by-key and suggestions-list: the node's properties. */
interface SuggestionRecord {
  suggestion: Record<string, unknown>;
}

/** The queue by status, newest first, with each candidate's name and the article's title. */
export async function readSuggestionList(db: Database, status: string, limit: number): Promise<SuggestionView[]> {
  return db.read(
    cypher("queries/curation/suggestions-list"),
    { status, limit: neo4j.int(limit) },
    (r: Neo4jRecord<SuggestionRecord>) => toJsonMap(r.get("suggestion")),
  );
}

/** One suggestion, or null. */
export async function readSuggestion(tx: ManagedTransaction, id: string): Promise<SuggestionView | null> {
  const result = await tx.run<SuggestionRecord>(cypher("queries/curation/suggestion"), { id });
  const record = result.records[0];
  return record ? toJsonMap(record.get("suggestion")) : null;
}

/** The open suggestions that ask the question of `key`. */
export async function readOpenSuggestionsByKey(tx: ManagedTransaction, key: string): Promise<SuggestionView[]> {
  const result = await tx.run<SuggestionRecord>(cypher("queries/curation/suggestions-by-key"), { key });
  return result.records.map((r) => toJsonMap(r.get("suggestion")));
}

/** The ids of the evidence of `actors` that covers the span `start`–`end` of an article. */
export async function readEvidenceInSpan(
  tx: ManagedTransaction,
  span: { actors: string[]; article: string; start: number; end: number },
): Promise<string[]> {
  const result = await tx.run<IdRecord>(cypher("queries/curation/evidence-in-span"), {
    ids: span.actors,
    article: span.article,
    start: neo4j.int(span.start),
    end: neo4j.int(span.end),
  });
  return result.records.map((r) => r.get("id"));
}

/** A decision taken on several suggestions at once, remembered under its key for later imports. */
export interface SuggestionDecision {
  ids: string[];
  outcome: "accepted" | "rejected";
  choice: string | null;
  by: string;
  at: string;
  key: string;
  kind: string;
}

/** Marks the suggestions decided and remembers the decision; returns how many were decided. */
export async function writeSuggestionDecision(tx: ManagedTransaction, decision: SuggestionDecision): Promise<number> {
  const result = await tx.run<CountRecord>(cypher("queries/curation/suggestion-decide"), { ...decision });
  return toNumber(result.records[0]?.get("count"));
}

/** A suggestion as an import stores it. */
export interface SuggestionRow {
  id: string;
  kind: string;
  article: string | null;
  text: string;
  candidates: string[];
  chosen: string | null;
  start: number | null;
  end: number | null;
  key: string;
  status: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** Rows per statement when storing suggestions. */
const PAGE = 10_000;

/**
 * Stores suggestions (once per id). With `applyDecisions`, a new suggestion whose key was decided before takes that
 * decision at once, and the evidence of accepted ambiguous mentions moves to the chosen actor. Returns the ids
 * decided automatically.
 */
export async function writeSuggestionRows(
  tx: ManagedTransaction,
  rows: SuggestionRow[],
  applyDecisions: boolean,
): Promise<string[]> {
  const decided: string[] = [];
  for (let i = 0; i < rows.length; i += PAGE) {
    const result = await tx.run<IdRecord>(cypher("queries/curation/suggestions-write"), {
      rows: rows.slice(i, i + PAGE),
      applyDecisions,
      now: new Date().toISOString(),
    });
    for (const r of result.records) decided.push(r.get("id"));
  }
  if (decided.length) await tx.run(cypher("queries/curation/suggestions-reassign"), { ids: decided });
  return decided;
}
