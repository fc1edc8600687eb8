/**
 * Source note
 * ===========
 *
 * What the explorer shows for evidence whose article text is not stored in the database (the bundled sample ships
 * without its third-party texts): the curator's summary of the passage, marked as a summary and never styled as a
 * quote, and one plain line naming the source (publisher, date, title, link when known) and where to put the text
 * so that the passage itself can be shown. Shared by the details panel and the review page.
 */
import type { ArticleDto } from "../../../../contracts/api";
import { formatDate, h } from "../../ui/dom";
import "./source-note.css";

/** The article fields the note names; both CitationDto's article and ArticleDto carry them. */
export type SourceArticle = Pick<ArticleDto, "title" | "publisher" | "published" | "url"> &
  Partial<Pick<ArticleDto, "file">>;

/** Where the server looks for article texts unless PARLEY_ARTICLES_DIR says otherwise. */
export const DEFAULT_ARTICLES_FOLDER = "data/articles/";

/** "Reuters, 21 Jan 2018, “Title”": who published it, when, under what title. */
export function sourceLabel(article: SourceArticle): string {
  const parts = [article.publisher, article.published ? formatDate(article.published) : null, `“${article.title}”`];
  return parts.filter((p): p is string => Boolean(p)).join(", ");
}

/** The curator's summary of a passage, labelled so it cannot be taken for the article's words. */
export function summaryView(summary: string): HTMLElement {
  return h(
    "p",
    { class: "citation-summary", "data-testid": "citation-summary" },
    h("span", { class: "summary-label", text: "Summary, not a quote: " }),
    summary,
  );
}

/**
 * "Full text not stored in this database — source: …; put the article's text in data/articles/<file> to show the
 * passage.", with the source linked when its URL is known.
 */
export function sourceNote(article: SourceArticle): HTMLElement {
  const fix = article.file
    ? h(
        "span",
        {},
        "; put the article's text in ",
        h("code", { text: `${DEFAULT_ARTICLES_FOLDER}${article.file}` }),
        " to show the passage.",
      )
    : h("span", { text: "; the passage cannot be shown without it." });
  const link = article.url
    ? h("a", { href: article.url, target: "_blank", rel: "noopener noreferrer", text: "Open the source ↗" })
    : null;
  return h(
    "p",
    { class: "source-note", "data-testid": "source-note" },
    `Full text not stored in this database — source: ${sourceLabel(article)}`,
    fix,
    link ? " " : null,
    link,
  );
}
