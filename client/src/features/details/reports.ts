/**
 * Reports of an event
 * ===================
 *
 * The event panel's list of the articles that report one meeting: "Reported by 3 articles", then each article with
 * its source (title linked to the page, publisher, date), how it came to this event (the first report, joined when
 * loaded and why, split off by a curator) and its own quotes. Where the articles say different things (the date,
 * the place, who took part) the panel says so in words instead of letting one of them silently win.
 */
import type { CitationDto, EventDto, ReportDto } from "../../../../contracts/api";
import { formatDate, h } from "../../ui/dom";
import { sourceNote, summaryView } from "./source-note";
import "./reports.css";

/** "Reported by 1 article", "Reported by 3 articles". */
export function reportedBy(count: number): string {
  return `Reported by ${count} article${count === 1 ? "" : "s"}`;
}

const FIELD_NAMES: Record<string, string> = { date: "date", place: "place", participants: "participants" };

/** How a report came to the event, in a sentence. */
function howText(report: ReportDto): string {
  const when = report.at ? ` on ${formatDate(report.at)}` : "";
  if (report.how === "joined") {
    const why = report.why ? `: ${report.why.participants}; ${report.why.date}; ${report.why.place}` : "";
    return `Joined this event when loaded${when}${why}.`;
  }
  if (report.how === "split") return `Split off another event by a curator${when}.`;
  if (report.how === "first") return `The first report of this meeting${when}.`;
  return "Cited as evidence.";
}

/** One of the article's citations: the quote itself, or (text not stored) the curator's summary and the source. */
function quoteOf(c: CitationDto): HTMLElement {
  if (c.quote !== null) return h("blockquote", { class: "quote", "data-testid": "report-quote" }, c.quote);
  return h(
    "div",
    { class: "citation-text", "data-testid": "report-quote" },
    c.note ? summaryView(c.note) : null,
    c.article.textStored ? null : sourceNote(c.article),
  );
}

function reportItem(report: ReportDto, evidence: Map<string, CitationDto>): HTMLElement {
  const a = report.article;
  const title = a.url
    ? h("a", { href: a.url, target: "_blank", rel: "noopener noreferrer", class: "report-title" }, a.title)
    : h("span", { class: "report-title" }, a.title);
  const meta = [a.publisher, a.published ? formatDate(a.published) : null].filter((x): x is string => Boolean(x));
  const quotes = report.evidenceIds
    .map((id) => evidence.get(id))
    .filter((c): c is CitationDto => c !== undefined && c.status !== "rejected");
  return h(
    "li",
    { class: "report", "data-testid": "report", "data-article": a.id, "data-how": report.how },
    h(
      "div",
      { class: "report-source" },
      title,
      meta.length ? h("span", { class: "muted" }, ` · ${meta.join(" · ")}`) : null,
    ),
    h("p", { class: "report-how small muted", text: howText(report) }),
    ...quotes.map(quoteOf),
  );
}

/** The reports section of an event panel, or null when no article reports it. */
export function reportsView(event: EventDto): HTMLElement | null {
  if (!event.reports.length) return null;
  const evidence = new Map(event.evidence.map((c) => [c.evidenceId, c]));
  return h(
    "div",
    { class: "reports", "data-testid": "reports" },
    h("p", { class: "reports-count", "data-testid": "reports-count", text: reportedBy(event.reports.length) }),
    event.disagreements.length
      ? h(
          "ul",
          { class: "disagreements", "data-testid": "disagreements" },
          ...event.disagreements.map((d) =>
            h(
              "li",
              { class: "disagreement", "data-field": d.field },
              h("strong", { text: `The reports disagree on the ${FIELD_NAMES[d.field] ?? d.field}: ` }),
              d.text,
            ),
          ),
        )
      : null,
    h("ol", { class: "reports-list" }, ...event.reports.map((r) => reportItem(r, evidence))),
  );
}
