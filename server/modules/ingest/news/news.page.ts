/**
 * Article pages
 * =============
 *
 * A news page's HTML → the article in it: the main text found by Mozilla's Readability (the reader view of Firefox)
 * on linkedom's server-side DOM, so navigation, share buttons, related-story lists, newsletters and cookie banners
 * are left out; and the page's metadata: title, publisher, canonical URL and publication date. The date is read
 * from `article:published_time`, then JSON-LD `datePublished`, then a `<time>` element, then the text's dateline
 * ("VIENNA, March 4, 2025 - …"), and the article records which one it came from. A canonical URL is believed only
 * on the host the page was fetched from: any page may claim to be another site's article, and the URL becomes the
 * citation's link. The article is handed to the extractor as text with header lines (`source:`, `date:`),
 * the form `npm run ingest` has always read, so offsets, identity and storage work as for a .txt file.
 *
 * This is the one server module with DOM-like types: they come from linkedom, not from the DOM library, so browser
 * globals still do not type-check in the server.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parseFetchableUrl } from "./news.fetch.js";
import { NoArticleError } from "../../../errors.js";

/** Where an article's publication date was read. */
export const DATE_SOURCES = ["article:published_time", "JSON-LD datePublished", "<time>", "dateline"] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** The article of a page. */
export interface PageArticle {
  title: string;
  publisher: string | null;
  /** The canonical URL when the page's own host vouches for it, else the URL it was fetched from (null: a file). */
  url: string | null;
  /** The publication day, YYYY-MM-DD. */
  published: string | null;
  publishedFrom: DateSource | null;
  paragraphs: string[];
}

type Doc = ReturnType<typeof parseHTML>["document"];
type El = NonNullable<ReturnType<Doc["querySelector"]>>;

const BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * Reads the article of a page. `pageUrl` is where the HTML was fetched from (after redirects), or null for a file
 * on disk, whose canonical link is the only source link it has.
 */
export function readArticlePage(html: string, pageUrl: string | null): PageArticle {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document as it works.
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || null;
  const jsonLd = readJsonLd(document);
  const publisher =
    meta('meta[property="og:site_name"]') ?? jsonLd.publisher ?? (pageUrl ? new URL(pageUrl).hostname : null);
  const metaTitle = meta('meta[property="og:title"]') ?? jsonLd.headline;
  const canonical = trustedCanonical(document, pageUrl);
  const dated = metadataDate(document, jsonLd.datePublished);

  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  const paragraphs = parsed?.content ? paragraphsOf(String(parsed.content)) : [];
  const title = cleanTitle(metaTitle ?? parsed?.title ?? document.querySelector("title")?.textContent ?? "", publisher);
  // Readability keeps the headline when the page repeats it in the body; the article starts after it.
  while (paragraphs.length && sameText(paragraphs[0]!, title)) paragraphs.shift();
  if (paragraphs.join(" ").length < 80) {
    throw new NoArticleError(
      "no article text was found on the page (is it a home page, a video or a paywall?); paste the text instead.",
    );
  }
  const fromDateline = dated ? null : datelineDate(paragraphs[0]!);
  return {
    title: title || paragraphs[0]!.slice(0, 120),
    publisher,
    url: canonical ?? pageUrl,
    published: dated?.date ?? fromDateline,
    publishedFrom: dated?.from ?? (fromDateline ? "dateline" : null),
    paragraphs,
  };
}

/**
 * The text handed to the extractor: header lines for what the page's metadata says, a blank line, the headline,
 * and the paragraphs separated by blank lines. The URL is not in it: the same page reached by two links (a feed's
 * tracking parameters, a redirect) is one text, so one article; the URL is set on the stored article instead.
 */
export function articleText(article: PageArticle): string {
  const header = [
    ...(article.publisher ? [`source: ${oneLine(article.publisher)}`] : []),
    ...(article.published ? [`date: ${article.published}`] : []),
  ];
  const body = [oneLine(article.title), ...article.paragraphs];
  return `${header.length ? `${header.join("\n")}\n\n` : ""}${body.join("\n\n")}\n`;
}

/** A note for the stored article on where its date came from. */
export function publishedNoteOf(article: PageArticle): string | undefined {
  return article.publishedFrom ? `stated in the page (${article.publishedFrom})` : undefined;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Metadata
 * -------------------------------------------------------------------------------------------------------------- */

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const sameText = (a: string, b: string) => oneLine(a).toLowerCase() === oneLine(b).toLowerCase();

/** "Headline | Publisher" → "Headline". */
function cleanTitle(title: string, publisher: string | null): string {
  let t = oneLine(title);
  if (publisher) {
    for (const sep of [" | ", " - ", " – ", " — ", " :: "]) {
      if (t.endsWith(`${sep}${publisher}`)) t = t.slice(0, -(sep.length + publisher.length));
    }
  }
  return t.slice(0, 300);
}

/** The day of an ISO date or timestamp as written ("2025-03-04T23:30:00-05:00" → 2025-03-04), or null. */
export function isoDay(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCDate() === +m[3]! && d.getUTCMonth() === +m[2]! - 1 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function metadataDate(document: Doc, jsonLdDate: string | null): { date: string; from: DateSource } | null {
  const published =
    document.querySelector('meta[property="article:published_time"]')?.getAttribute("content") ??
    document.querySelector('meta[name="article:published_time"]')?.getAttribute("content");
  const fromMeta = isoDay(published);
  if (fromMeta) return { date: fromMeta, from: "article:published_time" };
  const fromJsonLd = isoDay(jsonLdDate);
  if (fromJsonLd) return { date: fromJsonLd, from: "JSON-LD datePublished" };
  // The article's own <time> first; a page's first <time> may belong to a sidebar.
  const times = [...document.querySelectorAll("article time[datetime], time[pubdate], time[datetime]")] as El[];
  for (const time of times) {
    const day = isoDay(time.getAttribute("datetime"));
    if (day) return { date: day, from: "<time>" };
  }
  return null;
}

/** "VIENNA, March 4, 2025 - …" or "VIENNA, 4 March 2025 - …" → 2025-03-04. */
export function datelineDate(first: string): string | null {
  const head = first.slice(0, 80);
  const m =
    /^[\p{Lu}][\p{L} .'’-]{1,40}?,\s*(?:(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4}))\b/u.exec(
      head,
    );
  if (!m) return null;
  const monthName = (m[1] ?? m[5] ?? "").toLowerCase();
  const month = MONTHS.findIndex((name) => name === monthName || (monthName.length >= 3 && name.startsWith(monthName)));
  if (month < 0) return null;
  const day = Number(m[2] ?? m[4]);
  const year = Number(m[3] ?? m[6]);
  return isoDay(`${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** What the page's JSON-LD says of the article: the first `datePublished`, `headline` and publisher name. */
function readJsonLd(document: Doc): {
  datePublished: string | null;
  headline: string | null;
  publisher: string | null;
} {
  const found = {
    datePublished: null as string | null,
    headline: null as string | null,
    publisher: null as string | null,
  };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const node = value as Record<string, unknown>;
    if (typeof node.datePublished === "string") found.datePublished ??= node.datePublished;
    if (typeof node.headline === "string") found.headline ??= node.headline;
    const publisher = node.publisher as { name?: unknown } | undefined;
    if (publisher && typeof publisher.name === "string") found.publisher ??= publisher.name;
    for (const key of ["@graph", "mainEntity", "mainEntityOfPage"]) visit(node[key], depth + 1);
  };
  for (const script of [...document.querySelectorAll('script[type="application/ld+json"]')] as El[]) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block is common and harmless: the other forms of metadata still count.
    }
  }
  return found;
}

/** The page's canonical URL (or og:url) when it is http(s) and, for a fetched page, on the host it came from. */
function trustedCanonical(document: Doc, pageUrl: string | null): string | null {
  const href =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    document.querySelector('meta[property="og:url"]')?.getAttribute("content");
  if (!href) return null;
  try {
    const canonical = parseFetchableUrl(new URL(href.trim(), pageUrl ?? undefined).href);
    if (pageUrl && canonical.hostname !== new URL(pageUrl).hostname) return null;
    return canonical.href;
  } catch {
    return null;
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Text
 * -------------------------------------------------------------------------------------------------------------- */

/** The text blocks of Readability's article HTML, one paragraph each, in order. */
function paragraphsOf(contentHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)] as El[];
  // A block that holds other blocks (a quote of paragraphs, a list item with a paragraph) gives them instead.
  const leaves = blocks.filter((b) => !b.querySelector(BLOCKS));
  const texts = (leaves.length ? leaves.map((b) => b.textContent ?? "") : [document.body?.textContent ?? ""])
    .flatMap((t) => t.split(/\n\s*\n/))
    .map(oneLine)
    .filter((t) => t.length > 0);
  return texts;
}
