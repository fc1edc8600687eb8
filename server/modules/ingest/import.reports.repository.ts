/**
 * Reports repository
 * ==================
 *
 * The Cypher of joining reports at load time (import.reports.ts), run in the import's write transaction: which
 * reports the graph has seen before, which events may be the meeting a new report tells of, and the REPORTED_BY
 * links that record which article reports which event and why.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { Json } from "../../../contracts/json.js";
import { cypher } from "../../db/cypher.js";
import { toJson } from "../../db/values.js";

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJson(v)));

/** A record of queries/ingest/report-known. */
interface KnownReportRecord {
  id: string;
  exists: boolean;
  target: string | null;
  targetName: string | null;
  cited: string[];
}

/** A record of queries/ingest/report-candidates. */
interface CandidateRecord {
  report: string;
  id: string;
  name: string | null;
  kind: string | null;
  date: unknown;
  datePrecision: unknown;
  place: string | null;
  published: string | null;
}

/** An event of the graph that may be the meeting a report tells of. */
export interface CandidateEvent {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  datePrecision: string | null;
  place: string | null;
  /** Earliest publication day of the articles citing it (dates an undated event). */
  published: string | null;
}

/** One REPORTED_BY link to write; `fillDate` dates an undated event from a joined report. */
export interface ReportLinkRow {
  event: string;
  article: string;
  props: Record<string, Json>;
  fillDate: { date: string; precision: string; start: string; end: string } | null;
}

/** What the graph knows of one report: its own event, the event an earlier load joined it to, and what that cites. */
export interface KnownReport {
  exists: boolean;
  target: string | null;
  targetName: string | null;
  /** Spans of the report's article the target already cites, as `citedSpanKey` keys. */
  cited: Set<string>;
}

/** The key of a cited span of an article, as queries/ingest/report-known returns them. */
export const citedSpanKey = (c: { paragraph?: number | null; start?: number | null; end?: number | null }): string =>
  `${c.paragraph ?? ""}|${c.start ?? ""}|${c.end ?? ""}`;

/** For each report `{id, article}`: whether its own event exists, and the event an earlier load joined it to. */
export async function readKnownReports(
  tx: ManagedTransaction,
  reports: { id: string; article: string }[],
): Promise<Map<string, KnownReport>> {
  if (reports.length === 0) return new Map();
  const result = await tx.run<KnownReportRecord>(cypher("queries/ingest/report-known"), { reports });
  return new Map(
    result.records.map((r) => [
      r.get("id"),
      {
        exists: r.get("exists"),
        target: r.get("target"),
        targetName: r.get("targetName"),
        cited: new Set(r.get("cited")),
      },
    ]),
  );
}

/**
 * Candidate events per report id: encounters of the given kinds with exactly the report's participants, dated
 * within `first`..`last` (or undated), leaving out the events the load restates (`loaded`).
 */
export async function readCandidateEvents(
  tx: ManagedTransaction,
  reports: { id: string; participants: string[]; kinds: string[]; first: string; last: string }[],
  loaded: string[],
): Promise<Map<string, CandidateEvent[]>> {
  const out = new Map<string, CandidateEvent[]>();
  if (reports.length === 0) return out;
  const result = await tx.run<CandidateRecord>(cypher("queries/ingest/report-candidates"), { reports, loaded });
  for (const r of result.records) {
    const list = out.get(r.get("report")) ?? [];
    list.push({
      id: r.get("id"),
      name: r.get("name") ?? r.get("id"),
      kind: r.get("kind") ?? "meeting",
      date: str(r.get("date")),
      datePrecision: str(r.get("datePrecision")),
      place: r.get("place"),
      published: r.get("published"),
    });
    out.set(r.get("report"), list);
  }
  return out;
}

/** Writes REPORTED_BY links (once per event and article; a link met again only gains the report id). */
export async function writeReportLinks(tx: ManagedTransaction, rows: ReportLinkRow[]): Promise<void> {
  if (rows.length) await tx.run(cypher("queries/ingest/reports"), { rows });
}
