/**
 * News sources
 * ============
 *
 * What `npm run ingest` and the Add-article dialog are given, turned into article texts for the extractor: a text
 * file, an HTML file, a folder (recursively: .txt, .html, .htm), the URL of an article page, or an RSS/Atom feed
 * (a URL or a file), whose every item link is an article to fetch. Expanding a source lists its articles; reading
 * an article gives its text with header lines (news.page.ts), the URL it is cited by, and where its date came from.
 * Every failure is an error with a message that names the source, so a batch can report it and go on.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleInput } from "../../../../extractor/types.js";
import { decodeArticle } from "../extraction.import.js";
import { ArticleInputError, FeedError, FetchError, NoArticleError } from "../../../errors.js";
import { DEFAULT_MAX_FEED_ITEMS, looksLikeFeed, readFeed } from "./news.feed.js";
import { type Fetched, type Fetcher, decodeBody, parseFetchableUrl } from "./news.fetch.js";
import { articleText, publishedNoteOf, readArticlePage } from "./news.page.js";

/** One article to read: a file on disk, or a URL (with its page when expanding the source already fetched it). */
export type SourceItem = { kind: "file"; path: string } | { kind: "url"; url: string; page?: Fetched };

/** A source or an article that could not be read, and why. */
export interface SourceFailure {
  source: string;
  message: string;
}

/** An article ready for the extractor. */
export interface ReadArticle {
  input: ArticleInput;
  /** The URL the article is cited by (canonical or fetched), or null for a file without one. */
  url: string | null;
  /** Where its publication date was read, for the stored article. */
  publishedNote?: string;
  /** The URL it was asked for (a feed's link), when it was fetched. */
  fetchedFrom?: string;
}

const ARTICLE_FILES = /\.(txt|html?)$/i;
const FEED_FILES = /\.(xml|rss|atom)$/i;
const HTML_START = /^\s*(<!doctype html|<html[\s>])/i;

/** The message of an error met while reading `source`, naming it once. */
export function failureMessage(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ArticleInputError) return `${source}: ${error.reason}`;
  if (error instanceof FetchError) return message.includes(source) ? message : `${source}: ${message}`;
  if (error instanceof NoArticleError || error instanceof FeedError) return `${source}: ${message}`;
  return message.startsWith(source) ? message : `${source}: ${message}`;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Expanding sources
 * -------------------------------------------------------------------------------------------------------------- */

/** Lists the articles of every source, in order; sources that cannot be read are failures, the rest go on. */
export async function expandSources(
  sources: string[],
  fetcher: Fetcher,
  options: { maxFeedItems?: number } = {},
): Promise<{ items: SourceItem[]; failures: SourceFailure[] }> {
  const items: SourceItem[] = [];
  const failures: SourceFailure[] = [];
  const maxItems = options.maxFeedItems ?? DEFAULT_MAX_FEED_ITEMS;
  for (const source of sources) {
    try {
      items.push(...(await expandSource(source, fetcher, maxItems)));
    } catch (error) {
      failures.push({ source, message: failureMessage(source, error) });
    }
  }
  return { items, failures };
}

async function expandSource(source: string, fetcher: Fetcher, maxItems: number): Promise<SourceItem[]> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) {
    // A URL: an article page or a feed, which only its answer tells apart.
    const url = parseFetchableUrl(source).href;
    const fetched = await fetcher.fetch(url, ["html", "feed"]);
    if (fetched.contentType.includes("html") && !looksLikeFeed(fetched.text))
      return [{ kind: "url", url, page: fetched }];
    return feedItems(fetched.text, fetched.url, maxItems);
  }
  const info = await stat(source).catch(() => {
    throw new Error(`${source}: no such file or folder (a source is a file, a folder, or an http(s) URL).`);
  });
  if (info.isDirectory()) {
    const files = await articleFilesIn(source);
    if (!files.length) throw new Error(`${source}: the folder holds no .txt, .html or .htm file.`);
    return files.map((file) => ({ kind: "file", path: file }));
  }
  if (FEED_FILES.test(source)) {
    return feedItems(decodeBody(await readFile(source), "", "application/xml"), null, maxItems);
  }
  // Any other file named on the command line is an article, as it always was (its text says which kind).
  return [{ kind: "file", path: source }];
}

function feedItems(xml: string, feedUrl: string | null, maxItems: number): SourceItem[] {
  if (!looksLikeFeed(xml)) throw new FeedError("this is neither an article page nor an RSS or Atom feed.");
  const feed = readFeed(xml, feedUrl, maxItems);
  if (!feed.items.length) throw new FeedError("the feed has no item with an http(s) link.");
  return feed.items.map((item) => ({ kind: "url", url: item.link }));
}

/** The .txt, .html and .htm files under a folder, recursively, in a stable order (hidden entries skipped). */
async function articleFilesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await articleFilesIn(full)));
    else if (entry.isFile() && ARTICLE_FILES.test(entry.name)) found.push(full);
  }
  return found;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Reading one article
 * -------------------------------------------------------------------------------------------------------------- */

/** The name an article from a URL is filed under ("news.example.org_world_summit-talks"). */
function fileNameOf(url: string): string {
  const u = new URL(url);
  return (
    `${u.hostname}${u.pathname}`
      .replace(/[^\w.-]+/g, "_")
      .replace(/_+$/, "")
      .slice(0, 150) || u.hostname
  );
}

/** An article page's HTML → the extractor's input, refusing (as a text file would be) what is not an article. */
function pageToArticle(html: string, pageUrl: string | null, file: string): ReadArticle {
  const page = readArticlePage(html, pageUrl);
  const input = decodeArticle(file, new TextEncoder().encode(articleText(page)));
  const note = publishedNoteOf(page);
  return { input, url: page.url, ...(note ? { publishedNote: note } : {}) };
}

/** Reads one article: a file (text, or HTML by its name or first bytes) or a URL (fetched unless given). */
export async function readSourceItem(item: SourceItem, fetcher: Fetcher): Promise<ReadArticle> {
  if (item.kind === "url") {
    const page = item.page ?? (await fetcher.fetch(item.url, ["html"]));
    return { ...pageToArticle(page.text, page.url, fileNameOf(page.url)), fetchedFrom: item.url };
  }
  const bytes = await readFile(item.path).catch(() => {
    throw new ArticleInputError(item.path, "cannot be read (does the file exist?)");
  });
  const head = bytes.subarray(0, 512).toString("latin1");
  if (/\.html?$/i.test(item.path) || HTML_START.test(head)) {
    return pageToArticle(decodeBody(bytes, "", "text/html"), null, path.basename(item.path));
  }
  return { input: decodeArticle(item.path, bytes), url: null };
}
