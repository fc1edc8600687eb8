/**
 * News batches
 * ============
 *
 * Many sources in, a group of articles at a time (25 by default) through extraction and the import path. Each group
 * is its own transaction, so a batch stopped half-way (Ctrl+C, a crash) keeps what it stored, and the same command run again
 * finishes the rest without duplicates: an article URL the graph already holds is not even fetched again, and a
 * text it already holds (by its hash, the article identity of extraction.identity.ts) is not loaded again. One
 * source that fails (a page that times out, a feed that is not XML) is reported and the batch goes on. Pages are
 * read a few ahead while the previous article is being written.
 */
import { isActorType } from "../../../../contracts/vocabulary.js";
import type { ImportFileInput } from "../../../../contracts/import-format.js";
import type { Database } from "../../../db/database.js";
import type { Logger } from "../../../log.js";
import { articlesToImport, inputHashes } from "../extraction.import.js";
import { textSha256 } from "../extraction.identity.js";
import { articleIdsBySha256, articleIdsByUrl, recordFetchedFrom } from "../extraction.repository.js";
import { articlesToImportFor } from "../extraction.service.js";
import type { ImportHooks } from "../import.hooks.js";
import { loadImportFile } from "../import.service.js";
import type { Fetcher } from "./news.fetch.js";
import {
  type ReadArticle,
  type SourceFailure,
  type SourceItem,
  expandSources,
  failureMessage,
  readSourceItem,
} from "./news.sources.js";

/** Where a batch stands, after each article. */
export interface BatchProgress {
  done: number;
  total: number;
  new: number;
  unchanged: number;
  failed: number;
  elapsedMs: number;
}

export interface BatchSummary {
  articles: { new: number; unchanged: number; failed: number };
  /** Distinct actors and events in the newly stored articles. */
  actors: number;
  events: number;
  /** Reports of a meeting the graph already held, joined to its event (import.reports.ts). */
  joinedReports: number;
  /** Every source or article that failed, with its message. */
  failures: SourceFailure[];
  elapsedMs: number;
  /** A dry run's import document (nothing written). */
  document?: ImportFileInput;
}

export interface BatchOptions {
  /** The database to write to; null for a dry run, which builds one import document and writes nothing. */
  db: Database | null;
  fetcher: Fetcher;
  hooks: ImportHooks;
  log?: Logger;
  acceptAll?: boolean;
  maxFeedItems?: number;
  /** Articles read ahead of the one being written. */
  readAhead?: number;
  /** Articles written in one transaction (a batch stopped half-way loses at most the group being written). */
  groupSize?: number;
  onProgress?: (progress: BatchProgress) => void;
  onFailure?: (failure: SourceFailure) => void;
}

/** What reading an item gave: an article, a URL the graph already holds, or a failure. */
type ReadOutcome =
  | { kind: "article"; article: ReadArticle; source: string }
  | { kind: "known"; source: string }
  | { kind: "failed"; failure: SourceFailure };

const sourceOf = (item: SourceItem) => (item.kind === "url" ? item.url : item.path);

/** Sets each article's link and `publishedNote` (where its date was read) in an import document, by its text. */
export function addPageMetadata(document: ImportFileInput, articles: ReadArticle[]): void {
  const byHash = new Map(articles.map((a) => [textSha256(a.input.text), a]));
  for (const article of document.articles ?? []) {
    const read = article.sha256 ? byHash.get(article.sha256) : undefined;
    if (!read) continue;
    if (read.url && !article.url) article.url = read.url;
    if (read.publishedNote && article.published) article.publishedNote = read.publishedNote;
  }
}

/** Ingests every source; resolves with the summary (failures included) and never rejects for one bad source. */
export async function ingestSources(sources: string[], options: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const { db, fetcher } = options;
  const failures: SourceFailure[] = [];
  const fail = (failure: SourceFailure) => {
    failures.push(failure);
    options.onFailure?.(failure);
  };
  const expanded = await expandSources(sources, fetcher, { maxFeedItems: options.maxFeedItems });
  expanded.failures.forEach(fail);
  const items = expanded.items;
  const counts = { new: 0, unchanged: 0, failed: expanded.failures.length };
  const actors = new Set<string>();
  const events = new Set<string>();
  let joinedReports = 0;
  let done = 0;
  const report = () =>
    options.onProgress?.({
      done,
      total: items.length + expanded.failures.length,
      ...counts,
      elapsedMs: Date.now() - started,
    });
  done = expanded.failures.length;
  report();

  // A URL the graph already holds is not fetched again (a resumed batch, a feed read a second time).
  const heldUrls = db ? await heldArticleUrls(db, items) : new Set<string>();
  const read = async (item: SourceItem): Promise<ReadOutcome> => {
    const source = sourceOf(item);
    try {
      if (item.kind === "url" && !item.page && heldUrls.has(item.url)) return { kind: "known", source };
      return { kind: "article", article: await readSourceItem(item, fetcher), source };
    } catch (error) {
      return { kind: "failed", failure: { source, message: failureMessage(source, error) } };
    }
  };

  // A few reads run ahead of the writes; the writes go a group at a time, in order.
  const readAhead = Math.max(1, options.readAhead ?? 4);
  const groupSize = Math.max(1, options.groupSize ?? 25);
  const pending: Promise<ReadOutcome>[] = [];
  const dryRunArticles: ReadArticle[] = [];
  let group: { article: ReadArticle; source: string }[] = [];
  const flush = async () => {
    if (!db || !group.length) return;
    const stored = await storeArticles(db, group, options);
    counts.new += stored.new;
    counts.unchanged += stored.unchanged;
    counts.failed += stored.failures.length;
    stored.failures.forEach(fail);
    stored.actors.forEach((a) => actors.add(a));
    stored.events.forEach((e) => events.add(e));
    joinedReports += stored.joined;
    done += group.length;
    group = [];
    report();
  };
  for (let i = 0; i < items.length; i++) {
    while (pending.length < i + readAhead && pending.length < items.length) pending.push(read(items[pending.length]!));
    const outcome = await pending[i]!;
    delete pending[i];
    if (outcome.kind === "article" && db) {
      group.push({ article: outcome.article, source: outcome.source });
      if (group.length >= groupSize) await flush();
      continue;
    }
    if (outcome.kind === "failed") {
      counts.failed++;
      fail(outcome.failure);
    } else if (outcome.kind === "known") {
      counts.unchanged++;
    } else {
      dryRunArticles.push(outcome.article);
    }
    done++;
    report();
  }
  await flush();

  let document: ImportFileInput | undefined;
  if (!db) {
    const imported = articlesToImport(
      dryRunArticles.map((a) => a.input),
      { acceptAll: options.acceptAll },
    );
    document = imported.document;
    addPageMetadata(document, dryRunArticles);
    counts.new = document.articles?.length ?? 0;
    for (const node of document.nodes ?? []) {
      if (node.type === "event") events.add(node.id);
      else if (isActorType(node.type)) actors.add(node.id);
    }
  }
  return {
    articles: counts,
    actors: actors.size,
    events: events.size,
    joinedReports,
    failures,
    elapsedMs: Date.now() - started,
    ...(document ? { document } : {}),
  };
}

/** The URLs among `items` (pages still to fetch) that the graph already holds, read a thousand at a time. */
async function heldArticleUrls(db: Database, items: SourceItem[]): Promise<Set<string>> {
  const urls = items.flatMap((item) => (item.kind === "url" && !item.page ? [item.url] : []));
  const held = new Set<string>();
  for (let i = 0; i < urls.length; i += 1_000)
    for (const url of (await articleIdsByUrl(db, urls.slice(i, i + 1_000))).keys()) held.add(url);
  return held;
}

/** What storing a group of articles did. */
interface Stored {
  new: number;
  unchanged: number;
  failures: SourceFailure[];
  actors: string[];
  events: string[];
  /** Reports joined to an event the graph already held. */
  joined: number;
}

/**
 * Extracts and loads a group of articles in one transaction, leaving out texts the graph already holds, and
 * remembers the URLs they were fetched from. When the group fails, each article is tried on its own, so one bad
 * article fails alone.
 */
async function storeArticles(
  db: Database,
  group: { article: ReadArticle; source: string }[],
  options: BatchOptions,
): Promise<Stored> {
  const result: Stored = { new: 0, unchanged: 0, failures: [], actors: [], events: [], joined: 0 };
  const known = await articleIdsBySha256(db, inputHashes(group.map((g) => g.article.input)));
  const fresh = new Map<string, { article: ReadArticle; source: string }>();
  const fetchedFrom: { id: string; url: string }[] = [];
  for (const entry of group) {
    const hash = textSha256(entry.article.input.text);
    const id = known.get(hash);
    if (id || fresh.has(hash)) {
      // Already held, or twice in this group: unchanged, but its URL is remembered for the next run.
      result.unchanged++;
      if (id && entry.article.fetchedFrom) fetchedFrom.push({ id, url: entry.article.fetchedFrom });
    } else fresh.set(hash, entry);
  }
  await recordFetchedFrom(db, fetchedFrom);
  if (!fresh.size) return result;
  const entries = [...fresh.values()];
  const articles = entries.map((e) => e.article);
  try {
    const { document } = await articlesToImportFor(
      db,
      articles.map((a) => a.input),
      { acceptAll: options.acceptAll },
    );
    addPageMetadata(document, articles);
    const summary = await loadImportFile(db, document, { hooks: options.hooks, log: options.log, joinReports: true });
    result.joined += summary.joinedReports ?? 0;
    const idByHash = new Map((document.articles ?? []).map((a) => [a.sha256, a.id]));
    await recordFetchedFrom(
      db,
      articles.flatMap((article) => {
        const id = idByHash.get(textSha256(article.input.text));
        return id && article.fetchedFrom && article.fetchedFrom !== article.url
          ? [{ id, url: article.fetchedFrom }]
          : [];
      }),
    );
    const nodes = document.nodes ?? [];
    result.new += articles.length;
    result.actors.push(...nodes.filter((n) => isActorType(n.type)).map((n) => n.id));
    result.events.push(...nodes.filter((n) => n.type === "event").map((n) => n.id));
  } catch (error) {
    if (entries.length === 1) {
      result.failures.push({ source: entries[0]!.source, message: failureMessage(entries[0]!.source, error) });
      return result;
    }
    for (const entry of entries) {
      const one = await storeArticles(db, [entry], options);
      result.new += one.new;
      result.unchanged += one.unchanged;
      result.failures.push(...one.failures);
      result.actors.push(...one.actors);
      result.events.push(...one.events);
      result.joined += one.joined;
    }
  }
  return result;
}
