/**
 * News in bulk: pages and feeds of a site of the test's own, into the graph
 * ========================================================================
 *
 * A feed of 50 invented reports is ingested with its every item fetched; the stored articles keep their text without
 * the page furniture, their URL, publisher and date (from each form of metadata), and their meetings; the slow, huge
 * and non-HTML pages fail with clear messages while the rest goes on; a second run fetches nothing again and adds
 * nothing; this machine's addresses are refused without the flag; `npm run ingest` killed mid-batch and run again
 * finishes without duplicates; and a `javascript:` article URL in an import file is refused.
 */
import { spawn } from "node:child_process";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { ROOT_DIR } from "../../server/config.js";
import type { Database } from "../../server/db/database.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";
import { validateImport } from "../../server/modules/ingest/import.validate.js";
import { ingestSources } from "../../server/modules/ingest/news/news.batch.js";
import { type Fetcher, createFetcher } from "../../server/modules/ingest/news/news.fetch.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";
import { type NewsSite, atomFeed, inventedStory, rssFeed, startNewsSite, storyPage } from "../helpers/news-site.js";

interface StoredArticle {
  id: string;
  url: string | null;
  publisher: string | null;
  published: string | null;
  publishedNote: string | null;
  title: string;
  text: string;
}

async function storedArticles(db: Database, urlPart: string): Promise<StoredArticle[]> {
  return db.read(
    `MATCH (a:Article) WHERE a.url CONTAINS $urlPart
     RETURN a {.id, .url, .publisher, .published, .publishedNote, .title, .text} AS a ORDER BY a.url`,
    { urlPart },
    (r) => r.get("a") as StoredArticle,
  );
}

describe("news #ingest", () => {
  let db: Database;
  let site: NewsSite;
  let fetcher: Fetcher;
  const storyUrls: string[] = [];

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    site = await startNewsSite();
    for (let n = 0; n < 50; n++) {
      // Every fourth page points its canonical link at another site, which must not be believed.
      const canonical = n % 4 === 3 ? `https://elsewhere.example/copied/${n}` : `${site.base}/news/story-${n}`;
      site.page(`/news/story-${n}`, storyPage(inventedStory(n), { canonical }));
      storyUrls.push(`${site.base}/news/story-${n}?utm_source=feed&ref=rss`);
    }
    site.routes.set("/feeds/world.rss", (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(
        rssFeed(
          "World",
          storyUrls.map((u) => u.replace(/&/g, "&amp;")),
        ),
      ),
    );
    site.routes.set("/feeds/atom.xml", (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/atom+xml" })
        .end(atomFeed("Atom", [`${site.base}/news/story-0`, `${site.base}/news/story-3`])),
    );
    fetcher = createFetcher({ allowPrivate: true, timeoutMs: 2_000, maxBytes: 1_000_000, perHostPerMinute: 10_000 });
  });
  afterAll(async () => {
    fetcher?.close();
    await site?.close();
    await db?.close();
  });

  it("should ingest a feed of 50 reports, report the failing sources and go on", async () => {
    const failures: string[] = [];
    const summary = await ingestSources(
      [`${site.base}/feeds/world.rss`, `${site.base}/slow`, `${site.base}/huge`, `${site.base}/report.pdf`],
      { db, fetcher, hooks: curationImportHooks, onFailure: (f) => failures.push(f.message) },
    );
    expect(summary.articles).toEqual({ new: 50, unchanged: 0, failed: 3 });
    expect(failures).toHaveLength(3);
    expect(failures.find((f) => f.includes("/slow"))).toMatch(/no complete answer within 2 s/);
    expect(failures.find((f) => f.includes("/huge"))).toMatch(/larger than 1 MB/);
    expect(failures.find((f) => f.includes("/report.pdf"))).toMatch(/application\/pdf/);
    expect(summary.events).toBeGreaterThanOrEqual(50);
    expect(summary.actors).toBeGreaterThanOrEqual(8);

    const stored = await storedArticles(db, "/news/story-");
    expect(stored).toHaveLength(50);
    for (const a of stored) {
      expect(a.publisher).toBe("The Parley Test Gazette");
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/story-\d+/);
      // The page furniture stays out of the text the citations quote.
      expect(a.text).not.toMatch(/cookie|Share on|Related stories|morning briefing|All rights reserved|Sport/);
      expect(a.text).toContain("The Foreign Minister of");
    }
    // A canonical link on the page's own host is the URL; one on another host is ignored (the fetched URL stays).
    const byStory = new Map(stored.map((a) => [Number(/story-(\d+)/.exec(a.url!)![1]), a]));
    expect(byStory.get(0)!.url).toBe(`${site.base}/news/story-0`);
    expect(byStory.get(3)!.url).toBe(`${site.base}/news/story-3?utm_source=feed&ref=rss`);
    // Each form of metadata gives the date, and the article says which one.
    for (const n of [0, 1, 2, 3]) {
      const story = inventedStory(n);
      expect(byStory.get(n)!.published, story.metadata).toBe(story.published);
      expect(byStory.get(n)!.title).toBe(story.headline);
    }
    expect(byStory.get(0)!.publishedNote).toMatch(/article:published_time/);
    expect(byStory.get(1)!.publishedNote).toMatch(/JSON-LD datePublished/);
    expect(byStory.get(2)!.publishedNote).toMatch(/<time>/);
    expect(byStory.get(3)!.publishedNote).toMatch(/dateline/);

    // The meeting of story 0 is in the graph, dated the day before publication, with its citation linking back.
    const { app } = createTestApp(db);
    const meeting = await db.read(
      `MATCH (e:Event {kind: 'meeting'})<-[:PARTICIPATED_IN]-(:Entity {id: 'talia-morcant'})
       MATCH (e)<-[:PARTICIPATED_IN]-(:Entity {id: 'jonas-pellarin'})
       MATCH (e)-[:EVIDENCED_BY]->(:Evidence)-[:IN_ARTICLE]->(a:Article)
       RETURN e.id AS id, e.date AS date, a.id AS article`,
      {},
      (r) => ({ id: String(r.get("id")), date: String(r.get("date")), article: String(r.get("article")) }),
    );
    const fromStory0 = meeting.find((m) => m.article === byStory.get(0)!.id)!;
    expect(fromStory0.date).toBe("2025-01-05");
    const article = await request(app).get(`/api/articles/${fromStory0.article}`).expect(200);
    expect(article.body).toMatchObject({ url: `${site.base}/news/story-0`, publisher: "The Parley Test Gazette" });
  });

  it("should fetch nothing again and add nothing on a second run (URLs and texts already held)", async () => {
    const before = site.requests.filter((r) => r.path.startsWith("/news/")).length;
    const summary = await ingestSources([`${site.base}/feeds/world.rss`, `${site.base}/feeds/atom.xml`], {
      db,
      fetcher,
      hooks: curationImportHooks,
    });
    // The RSS links were remembered, and story 0's Atom link is its canonical URL: none is fetched again. Story 3's
    // canonical link pointed elsewhere, so its Atom link is new: fetched, and found unchanged by its text.
    expect(summary.articles).toEqual({ new: 0, unchanged: 52, failed: 0 });
    const fetchedAgain = site.requests.filter((r) => r.path.startsWith("/news/")).length - before;
    expect(fetchedAgain).toBe(1);
    expect(await storedArticles(db, "/news/story-")).toHaveLength(50);
  });

  it("should refuse this machine's addresses without PARLEY_FETCH_ALLOW_PRIVATE", async () => {
    const strict = createFetcher({ allowPrivate: false });
    try {
      const failures: string[] = [];
      const summary = await ingestSources([`${site.base}/feeds/world.rss`, `http://localhost:1/news`], {
        db,
        fetcher: strict,
        hooks: curationImportHooks,
        onFailure: (f) => failures.push(f.message),
      });
      expect(summary.articles).toEqual({ new: 0, unchanged: 0, failed: 2 });
      for (const message of failures) expect(message).toMatch(/loopback address.*PARLEY_FETCH_ALLOW_PRIVATE=1/);
    } finally {
      strict.close();
    }
  });

  it("should refuse a javascript: or file: article URL in an import file", () => {
    for (const url of ["javascript:alert(document.cookie)", "file:///etc/passwd"]) {
      const result = validateImport({
        format: "parley-import",
        version: 1,
        articles: [{ id: "art-bad-link", title: "A link that is not one", url }],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors[0]!.path).toMatch(/articles.*url/);
        expect(result.errors[0]!.message).toMatch(/http:\/\/ or https:\/\//);
      }
    }
  });

  it("should finish a batch killed half-way when run again, without duplicates", async () => {
    // Thirty reports served a little slowly, so the batch is surely mid-way when it is killed.
    const links: string[] = [];
    for (let n = 100; n < 130; n++) {
      const html = storyPage(inventedStory(n));
      site.routes.set(`/slow-news/story-${n}`, (_req, res) => {
        setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(html), 600);
      });
      links.push(`${site.base}/slow-news/story-${n}`);
    }
    site.routes.set("/feeds/slow.rss", (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rssFeed("Slow", links)),
    );
    const run = () => {
      // Node itself runs the script (tsx as a loader), so the kill reaches the process that writes.
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", `${site.base}/feeds/slow.rss`], {
        cwd: ROOT_DIR,
        env: {
          ...process.env,
          NEO4J_URI: inject("neo4jUri"),
          NEO4J_PASSWORD: "",
          PARLEY_FETCH_ALLOW_PRIVATE: "1",
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      return { child, exited, stderr: () => stderr };
    };
    const count = async () => (await storedArticles(db, "/slow-news/")).length;

    const first = run();
    const deadline = Date.now() + 90_000;
    while ((await count()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    first.child.kill("SIGKILL");
    await first.exited;
    const storedBeforeResume = await count();
    expect(storedBeforeResume).toBeGreaterThanOrEqual(5);
    expect(storedBeforeResume).toBeLessThan(30);

    const second = run();
    expect(await second.exited, second.stderr()).toBe(0);
    expect(second.stderr()).toMatch(
      new RegExp(`ingest: ${30 - storedBeforeResume} new, ${storedBeforeResume} unchanged, 0 failed`),
    );
    expect(second.stderr()).toMatch(/ingest: 30\/30 articles, [\d.]+ articles\/s, 0 failed/);
    const stored = await storedArticles(db, "/slow-news/");
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((a) => a.url)).size).toBe(30);
  });
});
