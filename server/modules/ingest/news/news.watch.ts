/**
 * Watched feeds
 * =============
 *
 * Polls RSS/Atom feeds on an interval and ingests the items that appeared since the last look, through the same
 * batch path as `npm run ingest` (so doubtful items go to the review queue, and a text or URL already held is not
 * stored twice). Each feed is asked conditionally with the `ETag` and `Last-Modified` it last gave, so an unchanged
 * feed costs one 304 and nothing else. Used by `npm run watch` and by the server when PARLEY_FEEDS is set.
 */
import type { Database } from "../../../db/database.js";
import type { Logger } from "../../../log.js";
import { articleIdsByUrl } from "../extraction.repository.js";
import type { ImportHooks } from "../import.hooks.js";
import { ingestSources } from "./news.batch.js";
import { DEFAULT_MAX_FEED_ITEMS, readFeed } from "./news.feed.js";
import type { Fetcher, Validators } from "./news.fetch.js";
import { type SourceFailure, failureMessage } from "./news.sources.js";

export interface WatchOptions {
  db: Database;
  fetcher: Fetcher;
  hooks: ImportHooks;
  log?: Logger;
  /** Time between the end of one round and the start of the next. */
  intervalMs: number;
  maxFeedItems?: number;
  acceptAll?: boolean;
  onRound?: (round: WatchRound) => void;
  onFailure?: (failure: SourceFailure) => void;
}

/** What one look at every feed did. */
export interface WatchRound {
  feeds: number;
  /** Feeds that answered 304 Not Modified. */
  unchanged: number;
  failedFeeds: number;
  /** Item links not seen in an earlier round and not already held. */
  newItems: number;
  articles: { new: number; unchanged: number; failed: number };
  /** Reports joined to a meeting the graph already held. */
  joinedReports: number;
  elapsedMs: number;
}

export interface FeedWatcher {
  /** Looks at every feed once and ingests what is new. */
  poll(): Promise<WatchRound>;
  /** Polls now and then every interval, until `stop`. */
  start(): void;
  /** Stops polling; resolves when a round under way has finished. */
  stop(): Promise<void>;
}

export function createFeedWatcher(feeds: string[], options: WatchOptions): FeedWatcher {
  const validators = new Map<string, Validators>();
  // Links tried once are not tried again by this process, even when they failed (a page that is not an article).
  const seen = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  /** A feed's links not seen yet, and the validators to send next time (kept only once its links are stored). */
  async function newLinksOf(feed: string): Promise<{ links: string[] | "unchanged"; next: Validators }> {
    const fetched = await options.fetcher.fetch(feed, ["feed"], validators.get(feed));
    if (fetched.status === 304) return { links: "unchanged", next: fetched.validators };
    const items = readFeed(fetched.text, fetched.url, options.maxFeedItems ?? DEFAULT_MAX_FEED_ITEMS).items;
    return { links: items.map((item) => item.link).filter((link) => !seen.has(link)), next: fetched.validators };
  }

  async function poll(): Promise<WatchRound> {
    const started = Date.now();
    const round: WatchRound = {
      feeds: feeds.length,
      unchanged: 0,
      failedFeeds: 0,
      newItems: 0,
      articles: { new: 0, unchanged: 0, failed: 0 },
      joinedReports: 0,
      elapsedMs: 0,
    };
    const links: string[] = [];
    const nextValidators = new Map<string, Validators>();
    for (const feed of feeds) {
      try {
        const found = await newLinksOf(feed);
        nextValidators.set(feed, found.next);
        if (found.links === "unchanged") round.unchanged++;
        else links.push(...found.links.filter((link) => !links.includes(link)));
      } catch (error) {
        round.failedFeeds++;
        options.onFailure?.({ source: feed, message: failureMessage(feed, error) });
      }
    }
    const held = await articleIdsByUrl(options.db, links);
    const fresh = links.filter((link) => !held.has(link));
    round.newItems = fresh.length;
    if (fresh.length) {
      const summary = await ingestSources(fresh, {
        db: options.db,
        fetcher: options.fetcher,
        hooks: options.hooks,
        log: options.log,
        acceptAll: options.acceptAll,
        onFailure: options.onFailure,
      });
      round.articles = summary.articles;
      round.joinedReports = summary.joinedReports;
    }
    // Only once the batch has run: a round that failed as a whole (the database away) asks its feeds afresh and
    // tries their links again.
    links.forEach((link) => seen.add(link));
    nextValidators.forEach((next, feed) => validators.set(feed, next));
    round.elapsedMs = Date.now() - started;
    options.onRound?.(round);
    return round;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = poll()
        .catch((error: unknown) => {
          // A round that failed as a whole (the database went away) is logged; the next one tries again.
          options.log?.error("a round of the watched feeds failed", { error });
          return null;
        })
        .finally(() => {
          running = null;
          schedule(options.intervalMs);
        });
    }, delayMs);
  }

  return {
    poll,
    start: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
