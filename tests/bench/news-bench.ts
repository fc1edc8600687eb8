/**
 * News pages per second
 * =====================
 *
 * The whole path of `npm run ingest` on a feed: a local site of generated pages (invented reports in real-looking
 * page furniture, tests/helpers/news-site.ts), every page fetched through the safe fetcher, read by Readability,
 * extracted by the rules and loaded 25 to a transaction. Beside it, the same pages read and extracted without
 * fetching or loading, so the ratio says what the network and the database cost. A hundred other pages go first and
 * are wiped, not counted: on a cold Neo4j every ingest statement is compiled while the batch runs (the note gives
 * that cold rate), and a server that ingests news runs warm. Out of `--quick`: a minute or more.
 */
import type { Database } from "../../server/db/database.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";
import { articlesToImport } from "../../server/modules/ingest/extraction.import.js";
import { ingestSources } from "../../server/modules/ingest/news/news.batch.js";
import { createFetcher } from "../../server/modules/ingest/news/news.fetch.js";
import { articleText, readArticlePage } from "../../server/modules/ingest/news/news.page.js";
import { inventedStory, rssFeed, startNewsSite, storyPage } from "../helpers/news-site.js";
import { wipe } from "./bench-database.js";
import { type BenchReport, fmt } from "./report.js";

const WARM_UP_PAGES = 100;

/** Serves `pages` generated reports and a feed of them, ingests the feed, and records pages per second and memory. */
export async function benchNewsPages(db: Database, pages: number, report: BenchReport): Promise<void> {
  const { progress, record } = report;
  const site = await startNewsSite();
  const fetcher = createFetcher({ allowPrivate: true, perHostPerMinute: 1_000_000, maxBytes: 2_000_000 });
  /** Serves stories `first`… as pages and a feed of them at `feed`; their HTML and links. */
  const serve = (feed: string, first: number, count: number) => {
    const html: string[] = [];
    const links: string[] = [];
    for (let n = first; n < first + count; n++) {
      html.push(storyPage(inventedStory(n), { canonical: `/news/story-${n}` }));
      site.page(`/news/story-${n}`, html[n - first]!);
      links.push(`${site.base}/news/story-${n}`);
    }
    site.routes.set(feed, (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rssFeed("Bench", links)),
    );
    return { html, links };
  };
  try {
    progress(`warming up: a feed of ${WARM_UP_PAGES} other pages, then wiped (not counted)`);
    serve("/warm-up.rss", 1_000_000, WARM_UP_PAGES);
    const coldStarted = performance.now();
    await ingestSources([`${site.base}/warm-up.rss`], { db, fetcher, hooks: curationImportHooks });
    const coldPerSecond = WARM_UP_PAGES / ((performance.now() - coldStarted) / 1000);
    await wipe(db);

    const { html, links } = serve("/feed.rss", 0, pages);

    // The floor: the same pages read and extracted in this process, no network, no database.
    const floorStarted = performance.now();
    const inputs = html.map((page, n) => ({
      file: `story-${n}`,
      text: articleText(readArticlePage(page, links[n]!)),
    }));
    for (let i = 0; i < inputs.length; i += 10) articlesToImport(inputs.slice(i, i + 10));
    const floorPerSecond = pages / ((performance.now() - floorStarted) / 1000);

    progress(`ingesting a feed of ${pages} pages from a local site`);
    const started = performance.now();
    const summary = await ingestSources([`${site.base}/feed.rss`], {
      db,
      fetcher,
      hooks: curationImportHooks,
      maxFeedItems: pages,
      onProgress: (p) => {
        if (p.done % 200 === 0 && p.done > 0) progress(`ingested ${p.done}/${p.total} pages`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (summary.articles.new !== pages) {
      throw new Error(
        `bench: ${summary.articles.new} of ${pages} pages stored; first failure: ${summary.failures[0]?.message}`,
      );
    }
    record({
      section: "ingest",
      metric: "pages per second (fetch → readability → extraction → load)",
      size: `${pages} pages`,
      value: pages / seconds,
      unit: "pages/s",
      baseline: floorPerSecond,
      baselineName: "readability and extraction only, no fetch or load",
      note: `target ≥ 20 pages/s (rules-only extractor); ${summary.events} events, ${summary.actors} actors; cold Neo4j: ${fmt(coldPerSecond)} pages/s`,
    });
    record({
      section: "memory",
      metric: "bench process RSS after the news ingest",
      size: `${pages} pages`,
      value: process.memoryUsage().rss / 2 ** 20,
      unit: "MiB",
    });
  } finally {
    fetcher.close();
    await site.close();
  }
}
