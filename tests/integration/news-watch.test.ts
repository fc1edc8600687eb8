/**
 * Watched feeds
 * =============
 *
 * A feed of the tests' own news site is watched: the first look ingests its items, a second look sends the feed's
 * ETag back and, answered 304, fetches and stores nothing; an item added to the feed is ingested at the next look,
 * alone. Feed lists that name something other than an http(s) URL are refused with a message that says so.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../server/errors.js";
import { loadConfig } from "../../server/config.js";
import type { Database } from "../../server/db/database.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";
import { parseFeedList } from "../../server/modules/ingest/news/news.feed.js";
import { type Fetcher, createFetcher } from "../../server/modules/ingest/news/news.fetch.js";
import { type WatchRound, createFeedWatcher } from "../../server/modules/ingest/news/news.watch.js";
import { openTestDatabase, resetDatabase } from "../helpers/db.js";
import { type NewsSite, inventedStory, rssFeed, startNewsSite, storyPage } from "../helpers/news-site.js";

async function storedUrls(db: Database): Promise<string[]> {
  return db.read("MATCH (a:Article) WHERE a.url CONTAINS '/watched/' RETURN a.url AS url ORDER BY url", {}, (r) =>
    String(r.get("url")),
  );
}

describe("news #watch", () => {
  let db: Database;
  let site: NewsSite;
  let fetcher: Fetcher;
  /** The feed's items and version; the feed answers 304 to a request that names its current ETag. */
  const feed = { links: [] as string[], version: 1 };
  const answers: number[] = [];

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    site = await startNewsSite();
    for (let n = 0; n < 3; n++) site.page(`/watched/story-${n}`, storyPage(inventedStory(20 + n)));
    feed.links = [0, 1].map((n) => `${site.base}/watched/story-${n}`);
    site.routes.set("/feeds/watched.rss", (req: IncomingMessage, res: ServerResponse) => {
      const etag = `"v${feed.version}"`;
      const status = req.headers["if-none-match"] === etag ? 304 : 200;
      answers.push(status);
      if (status === 304) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(rssFeed("Watched", feed.links));
    });
    fetcher = createFetcher({ allowPrivate: true, timeoutMs: 5_000, perHostPerMinute: 10_000 });
  });
  afterAll(async () => {
    fetcher?.close();
    await site?.close();
    await db?.close();
  });

  it("should ingest a feed's items, skip it while it answers 304, and take only the item added since", async () => {
    const failures: string[] = [];
    const rounds: WatchRound[] = [];
    const watcher = createFeedWatcher([`${site.base}/feeds/watched.rss`], {
      db,
      fetcher,
      hooks: curationImportHooks,
      intervalMs: 60_000,
      onRound: (round) => rounds.push(round),
      onFailure: (failure) => failures.push(failure.message),
    });

    // The first look runs when the watcher starts.
    watcher.start();
    await expect.poll(() => rounds.length, { timeout: 60_000 }).toBe(1);
    expect(rounds[0]).toMatchObject({ feeds: 1, unchanged: 0, newItems: 2, articles: { new: 2, failed: 0 } });
    expect(await storedUrls(db)).toEqual(feed.links);

    const pagesBefore = site.requests.filter((r) => r.path.startsWith("/watched/")).length;
    const second = await watcher.poll();
    expect(second).toMatchObject({ unchanged: 1, newItems: 0, articles: { new: 0 } });
    expect(answers).toEqual([200, 304]);
    expect(site.requests.filter((r) => r.path.startsWith("/watched/")).length).toBe(pagesBefore);

    feed.links = [`${site.base}/watched/story-2`, ...feed.links];
    feed.version = 2;
    const third = await watcher.poll();
    expect(third).toMatchObject({ unchanged: 0, newItems: 1, articles: { new: 1, unchanged: 0, failed: 0 } });
    expect(await storedUrls(db)).toHaveLength(3);
    // Only the new item's page was fetched.
    expect(site.requests.filter((r) => r.path.startsWith("/watched/")).length).toBe(pagesBefore + 1);
    await watcher.stop();
    expect(failures).toEqual([]);
  });

  it("should refuse a feed list that names a file or another scheme, saying feeds are URLs", () => {
    expect(parseFeedList(" https://a.example/rss, https://b.example/atom\nhttps://a.example/rss")).toEqual([
      "https://a.example/rss",
      "https://b.example/atom",
    ]);
    expect(() => parseFeedList("feeds/world.xml")).toThrow(/not a feed URL.*http\(s\) URLs.*npm run ingest/);
    expect(() => loadConfig({ PARLEY_FEEDS: "https://a.example/rss file:///etc/passwd" })).toThrow(ConfigError);
  });
});
