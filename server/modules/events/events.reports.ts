/**
 * An event's reports
 * ==================
 *
 * Which articles report an event and where they disagree, for the event panel: "Reported by 3 articles", each with
 * its source, quotes and (for a report joined when it was loaded) why it was judged the same meeting; and, where
 * the articles say different things, the disagreement in words ("A says 3 March 2025, B says 4 March 2025")
 * rather than one of them silently winning.
 */
import type { CitationDto, DisagreementDto, ReportDto, ReportJoin } from "../../../contracts/api.js";
import { REPORT_JOINS } from "../../../contracts/api.js";
import { dateInWords } from "../ingest/import.reports.js";
import type { ReportRow } from "./events.repository.js";

const ORDER: Record<ReportJoin, number> = { first: 0, split: 1, joined: 2, cited: 3 };
const joinOf = (how: string): ReportJoin =>
  (REPORT_JOINS as readonly string[]).includes(how) ? (how as ReportJoin) : "first";

/**
 * The reports of an event: its REPORTED_BY links, then every other article its citations come from (`cited`), the
 * report that made the event first, then the others as they joined.
 */
export function eventReports(rows: ReportRow[], evidence: CitationDto[]): ReportDto[] {
  const evidenceOf = new Map<string, string[]>();
  for (const c of evidence) evidenceOf.set(c.article.id, [...(evidenceOf.get(c.article.id) ?? []), c.evidenceId]);
  const linked = new Set(rows.map((r) => r.article.id));
  const reports: ReportDto[] = rows.map((r) => ({
    article: r.article,
    evidenceIds: evidenceOf.get(r.article.id) ?? [],
    how: joinOf(r.how),
    at: r.at,
    why: r.how === "joined" ? r.why : null,
    says: r.hasClaims
      ? { date: r.date, datePrecision: r.datePrecision, place: r.place, participants: r.participants }
      : null,
  }));
  const cited = new Map<string, CitationDto["article"]>();
  for (const c of evidence) if (!linked.has(c.article.id)) cited.set(c.article.id, c.article);
  for (const [id, a] of cited) {
    reports.push({
      article: { id, title: a.title, publisher: a.publisher, published: a.published, url: a.url },
      evidenceIds: evidenceOf.get(id) ?? [],
      how: "cited",
      at: null,
      why: null,
      says: null,
    });
  }
  return reports.sort(
    (a, b) =>
      ORDER[a.how] - ORDER[b.how] || (a.at ?? "").localeCompare(b.at ?? "") || a.article.id.localeCompare(b.article.id),
  );
}

/** One field on which reports differ: each article's value, in report order, when two or more values differ. */
function disagreement(
  field: DisagreementDto["field"],
  reports: ReportDto[],
  valueOf: (r: ReportDto) => { key: string; text: string } | null,
): DisagreementDto | null {
  const values = reports.flatMap((r) => {
    const v = valueOf(r);
    return v ? [{ report: r, ...v }] : [];
  });
  if (new Set(values.map((v) => v.key)).size < 2) return null;
  return {
    field,
    text: values.map((v) => `${v.report.article.title} says ${v.text}`).join("; "),
    values: values.map((v) => ({ article: v.report.article.id, value: v.text })),
  };
}

/** Where the reports that say something about a field say different things (a report that is silent is no dissent). */
export function reportDisagreements(reports: ReportDto[]): DisagreementDto[] {
  const found = [
    disagreement("date", reports, (r) => (r.says?.date ? { key: r.says.date, text: dateInWords(r.says.date) } : null)),
    disagreement("place", reports, (r) => (r.says?.place ? { key: r.says.place.id, text: r.says.place.label } : null)),
    disagreement("participants", reports, (r) =>
      r.says?.participants.length
        ? {
            key: r.says.participants
              .map((p) => p.id)
              .sort()
              .join("|"),
            text: r.says.participants.map((p) => p.label).join(" and "),
          }
        : null,
    ),
  ];
  return found.filter((d): d is DisagreementDto => d !== null);
}
