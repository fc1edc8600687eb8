/**
 * One event, many reports
 * =======================
 *
 * When articles are loaded, an extracted meeting that reports the same meeting as an event the graph (or the same
 * load) already holds is joined to that event: its citations land on it and a REPORTED_BY link records the article,
 * why it was joined (participants, date window, place) and what the article itself says. The rule: the same set of
 * participants, an encounter of the same family (a phone call is not a visit), dates within the window their
 * precisions allow (a day-precise date matches the same day ±1, a month-precise one any day of that month, an
 * undated report the week before its article was published) and the same place or none. Only article loads join
 * reports (`extract` output stays per article); files with their own event ids never do.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { Citation, ImportFile, ImportNode } from "../../../contracts/import-format.js";
import type { Json } from "../../../contracts/json.js";
import { ENCOUNTER_KINDS } from "../../../contracts/vocabulary.js";
import { dateRange } from "../graph/graph.schemas.js";
import {
  type CandidateEvent,
  type ReportLinkRow,
  readCandidateEvents,
  citedSpanKey,
  readKnownReports,
} from "./import.reports.repository.js";

/* ----------------------------------------------------------------------------------------------------------------
 * The rule: date windows, places, kinds
 * -------------------------------------------------------------------------------------------------------------- */

/** How far back from its article's publication an undated report's meeting may lie. */
export const UNDATED_REPORT_DAYS = 7;

/** The span of days a report's or an event's date stands for, and how it was found. */
export interface DateWindow {
  first: string;
  last: string;
  /** `day`, `month`, `year`, or `published` (undated: the week before the article appeared). */
  basis: "day" | "month" | "year" | "published";
  /** The date as written (a partial date, or the publication day). */
  value: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The window of a partial date, or, when undated, of the week before `published`; null when neither is known. */
export function dateWindow(
  date: string | null | undefined,
  precision: string | null | undefined,
  published: string | null | undefined,
): DateWindow | null {
  if (date) {
    const range = dateRange(date);
    const basis =
      precision === "year" || precision === "month"
        ? precision
        : date.length === 4
          ? "year"
          : date.length === 7
            ? "month"
            : "day";
    return { ...range, basis, value: date };
  }
  if (!published) return null;
  const day = dateRange(published).first;
  return { first: isoDay(dayNumber(day) - UNDATED_REPORT_DAYS), last: day, basis: "published", value: day };
}

/** Days between two windows (0 when they overlap). */
export function daysApart(a: DateWindow, b: DateWindow): number {
  return Math.max(0, dayNumber(a.first > b.first ? a.first : b.first) - dayNumber(a.last < b.last ? a.last : b.last));
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A partial date in words: "3 March 2025", "March 2025", "2025". */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split("-");
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

const describeWindow = (w: DateWindow) =>
  w.basis === "published" ? `undated (published ${dateInWords(w.value)})` : `${dateInWords(w.value)} (${w.basis})`;

/**
 * Why two dates may be one meeting's, or null when they may not: both day-precise and at most a day apart, or
 * overlapping windows (a month holds its days; an undated report, the week before its article).
 */
export function dateReason(report: DateWindow, event: DateWindow): string | null {
  const gap = daysApart(report, event);
  const tolerance = report.basis === "day" && event.basis === "day" ? 1 : 0;
  if (gap > tolerance) return null;
  if (report.basis === "day" && event.basis === "day")
    return gap === 0
      ? `the same day, ${dateInWords(report.value)}`
      : `${dateInWords(report.value)} and ${dateInWords(event.value)} are a day apart (day-precise dates allow ±1 day)`;
  return `${describeWindow(report)} falls within ${describeWindow(event)}`;
}

/** Why two places may be one meeting's, or null: the same place, or one of them names none. */
export function placeReason(report: string | null, event: string | null): string | null {
  if (report && event) return report === event ? `the same place (${event})` : null;
  if (report) return `the event named no place; this report says ${report}`;
  if (event) return `this report names no place; the event is at ${event}`;
  return "neither names a place";
}

/** Encounters that may be the same meeting under different words ("met", "held talks"); a call is only a call. */
export function kindFamily(kind: string): string[] {
  const remote = ["phone_call"];
  return remote.includes(kind) ? remote : ENCOUNTER_KINDS.filter((k) => !remote.includes(k));
}

const participantsKey = (ids: string[]) => [...new Set(ids)].sort().join("|");

/* ----------------------------------------------------------------------------------------------------------------
 * Joining the reports of a load
 * -------------------------------------------------------------------------------------------------------------- */

/** An extracted meeting of the load, as the rule sees it. */
interface Report {
  node: ImportNode;
  article: string;
  participants: string[];
  key: string;
  family: string;
  window: DateWindow | null;
  place: string | null;
}

/** An event a report may join: one of the graph's, or a report of this load that made its own event. */
interface Target {
  id: string;
  name: string;
  family: string;
  key: string;
  window: DateWindow | null;
  place: string | null;
  /** The file's own node for an event the load creates (null: an event of the graph). */
  node: ImportNode | null;
}

/** The load rewritten with its reports joined, and the REPORTED_BY links to write after it. */
export interface JoinedReports {
  file: ImportFile;
  links: ReportLinkRow[];
  /** How many reports were joined to another event. */
  joined: number;
}

const ENCOUNTERS: readonly string[] = ENCOUNTER_KINDS;

/** Whether a node is a report the rule applies to: a meeting of two or more, cited from one article. */
function reportOf(node: ImportNode, published: Map<string, string | null>): Report | null {
  if (node.type !== "event" || node.mode !== "replace" || !ENCOUNTERS.includes(node.kind ?? "")) return null;
  const participants = [...new Set(node.participants.map((p) => p.actor))].sort();
  const articles = new Set(node.evidence.map((c) => c.article));
  if (participants.length < 2 || articles.size !== 1) return null;
  const article = [...articles][0]!;
  return {
    node,
    article,
    participants,
    key: participantsKey(participants),
    family: kindFamily(node.kind!).join(","),
    window: dateWindow(node.date, node.datePrecision, published.get(article) ?? null),
    place: node.place ?? null,
  };
}

/** What a report says, as stored on its REPORTED_BY link (no nulls: Neo4j does not store them). */
function claims(report: Report): Record<string, Json> {
  return {
    reportIds: [report.node.id],
    kind: report.node.kind ?? "meeting",
    participants: report.participants,
    ...(report.node.date ? { date: report.node.date, datePrecision: report.node.datePrecision ?? "day" } : {}),
    ...(report.place ? { place: report.place } : {}),
  };
}

/** The best target of a report: the closest date, then an event of the graph before one of this load, then by id. */
function bestMatch(report: Report, targets: Target[]): { target: Target; why: Record<string, string> } | null {
  let best: { target: Target; why: Record<string, string>; gap: number } | null = null;
  for (const target of targets) {
    if (target.key !== report.key || target.family !== report.family) continue;
    if (!report.window || !target.window) continue;
    const date = dateReason(report.window, target.window);
    const place = placeReason(report.place, target.place);
    if (!date || !place) continue;
    const gap = daysApart(report.window, target.window);
    const better =
      !best ||
      gap < best.gap ||
      (gap === best.gap && (target.node === null) !== (best.target.node === null) && target.node === null) ||
      (gap === best.gap && (target.node === null) === (best.target.node === null) && target.id < best.target.id);
    if (better) {
      best = {
        target,
        gap,
        why: {
          whyParticipants: `the same ${report.participants.length} participants (${report.participants.join(", ")})`,
          whyDate: date,
          whyPlace: place,
        },
      };
    }
  }
  return best ? { target: best.target, why: best.why } : null;
}

/**
 * Joins the load's extracted meetings to the events they report (the graph's, or an earlier one of the same load),
 * in the import's transaction: a joined report's node leaves the file and its citations go to the event it joined.
 * A report seen before lands where it landed then, so loading the same article twice changes nothing.
 */
export async function joinReports(tx: ManagedTransaction, file: ImportFile, now = new Date()): Promise<JoinedReports> {
  const published = new Map(file.articles.map((a) => [a.id, a.published ? dateRange(a.published).first : null]));
  const reports = file.nodes.map((n) => reportOf(n, published)).filter((r): r is Report => r !== null);
  if (reports.length === 0) return { file, links: [], joined: 0 };
  const at = now.toISOString();

  const known = await readKnownReports(
    tx,
    reports.map((r) => ({ id: r.node.id, article: r.article })),
  );
  // A report without a date window can join nothing; the others look a day beyond theirs (day-precise ±1).
  const fresh = reports.filter((r) => r.window && !known.get(r.node.id)?.exists && !known.get(r.node.id)?.target);
  const candidates = await readCandidateEvents(
    tx,
    fresh.map((r) => ({
      id: r.node.id,
      participants: r.participants,
      kinds: kindFamily(r.node.kind!),
      first: isoDay(dayNumber(r.window!.first) - 1),
      last: isoDay(dayNumber(r.window!.last) + 1),
    })),
    file.nodes.map((n) => n.id),
  );

  const targetOf = (c: CandidateEvent): Target => ({
    id: c.id,
    name: c.name,
    family: kindFamily(c.kind).join(","),
    key: "",
    window: dateWindow(c.date, c.datePrecision, c.published),
    place: c.place,
    node: null,
  });
  const links: ReportLinkRow[] = [];
  const ownTargets: Target[] = [];
  /** Citations (and a place, a date) each event of the graph gains, in the order first met. */
  const gains = new Map<string, { name: string; evidence: Citation[]; place: string | null }>();
  const dropped = new Set<ImportNode>();
  let joined = 0;

  /** Moves a report's citations to `target`; `fill` lets it give the event a place or date it lacks. */
  const join = (report: Report, target: Target, props: Record<string, Json>, fill: boolean) => {
    dropped.add(report.node);
    const addsPlace = fill && !target.place && report.place ? report.place : null;
    const addsDate =
      fill && (!target.window || target.window.basis === "published") ? (report.node.date ?? null) : null;
    let fillDate: ReportLinkRow["fillDate"] = null;
    // What this report gave the event, so that splitting it off later takes it back.
    const filled: string[] = addsPlace ? ["place"] : [];
    if (target.node) {
      target.node.evidence = [...target.node.evidence, ...report.node.evidence];
      if (addsPlace) target.node.place = target.place = addsPlace;
      if (addsDate && !target.node.date) {
        target.node.date = addsDate;
        target.node.datePrecision = report.node.datePrecision;
        filled.push("date");
      }
    } else {
      const gain = gains.get(target.id) ?? { name: target.name, evidence: [], place: null };
      gain.evidence.push(...report.node.evidence);
      gain.place ??= addsPlace;
      gains.set(target.id, gain);
      if (addsPlace) target.place = addsPlace;
      if (addsDate) {
        filled.push("date");
        const range = dateRange(addsDate);
        fillDate = {
          date: addsDate,
          precision: report.node.datePrecision ?? "day",
          start: range.first,
          end: range.last,
        };
      }
    }
    links.push({
      event: target.id,
      article: report.article,
      props: filled.length ? { ...props, filled } : props,
      fillDate,
    });
  };

  for (const report of reports) {
    const seen = known.get(report.node.id);
    // A report loaded before brings no second copy of a quote its event already cites under other ids (evidence a
    // curator's split moved with the ids it had on the event it came from).
    if (seen?.target) report.node.evidence = report.node.evidence.filter((c) => !seen.cited.has(citedSpanKey(c)));
    if (seen?.target && seen.target !== report.node.id) {
      // Joined by an earlier load: its citations go where they went then (the link is already there).
      const target = {
        id: seen.target,
        name: seen.targetName ?? seen.target,
        family: "",
        key: "",
        window: null,
        place: null,
        node: null,
      };
      join(report, target, { ...claims(report), how: "joined", at }, false);
      continue;
    }
    if (!seen?.exists) {
      const graph = (candidates.get(report.node.id) ?? []).map((c) => ({ ...targetOf(c), key: report.key }));
      const match = bestMatch(report, [...graph, ...ownTargets]);
      if (match) {
        join(report, match.target, { ...claims(report), how: "joined", at, ...match.why }, true);
        joined++;
        continue;
      }
    }
    // An event of this id already there was loaded before (with its link, or before links were recorded, when
    // adding one now would be a change): only a new event gets its first report's link.
    if (!seen?.exists)
      links.push({
        event: report.node.id,
        article: report.article,
        props: { ...claims(report), how: "first", at },
        fillDate: null,
      });
    ownTargets.push({
      id: report.node.id,
      name: report.node.name,
      family: report.family,
      key: report.key,
      window: report.window,
      place: report.place,
      node: report.node,
    });
  }
  if (dropped.size === 0 && gains.size === 0) return { file, links, joined };

  const extend: ImportNode[] = [...gains].map(([id, gain]) => ({
    id,
    mode: "extend",
    type: "event",
    // An existing node in extend mode keeps its fields, and its own name is no new alias.
    name: gain.name,
    aliases: [],
    topics: [],
    participants: [],
    produced: [],
    parties: [],
    evidence: gain.evidence,
    properties: {},
    ...(gain.place ? { place: gain.place } : {}),
  }));
  return { file: { ...file, nodes: [...file.nodes.filter((n) => !dropped.has(n)), ...extend] }, links, joined };
}
