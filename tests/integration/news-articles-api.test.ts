/**
 * An article URL beside pasted text: `POST /api/articles/preview` and `POST /api/articles`
 * =========================================================================================
 *
 * The server fetches the page (from a site of the test's own), reads the article out of its furniture and extracts
 * it; the stored article keeps its URL and publisher. Fetching is a write: a forwarded request without a token is
 * refused even for a preview, this machine's addresses are refused without PARLEY_FETCH_ALLOW_PRIVATE, and a URL
 * that is not http(s), not a page, or not there gets a message naming the cause.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";
import { type NewsSite, inventedStory, startNewsSite, storyPage } from "../helpers/news-site.js";

describe("news #articles-api", () => {
  let db: Database;
  let site: NewsSite;
  let app: ReturnType<typeof createTestApp>["app"];
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    site = await startNewsSite();
    site.page("/news/story-0", storyPage(inventedStory(0), { canonical: "/news/story-0" }));
    site.page("/news/story-5", storyPage(inventedStory(5)));
    ({ app } = createTestApp(db, { PARLEY_FETCH_ALLOW_PRIVATE: "1" }));
  });
  afterAll(async () => {
    await site?.close();
    await db?.close();
  });

  it("should preview a fetched page beside pasted text, without writing", async () => {
    const pasted =
      "date: 2025-02-03\n\nLISBON - The Foreign Minister of Quessary, Hanna Lindqvar, met Morvane's Foreign Minister Teodor Asselin in Lisbon on Sunday.\n";
    const res = await request(app)
      .post("/api/articles/preview")
      .send({ articles: [{ text: pasted }], url: `${site.base}/moved` })
      .expect(200);
    const articles = res.body.document.articles as { url?: string; publisher?: string; title: string }[];
    expect(articles).toHaveLength(2);
    const page = articles.find((a) => a.url)!;
    expect(page).toMatchObject({
      url: `${site.base}/news/story-0`,
      publisher: "The Parley Test Gazette",
      title: inventedStory(0).headline,
    });
    const ids = (res.body.document.nodes as { id: string }[]).map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["talia-morcant", "jonas-pellarin", "hanna-lindqvar"]));
    const stored = await db.read("MATCH (a:Article) RETURN count(a) AS n", {}, (r) => Number(r.get("n")));
    expect(stored[0]).toBe(0);
  });

  it("should save the article of a URL with its link and publisher", async () => {
    const res = await request(app)
      .post("/api/articles")
      .send({ url: `${site.base}/news/story-5` })
      .expect(200);
    expect(res.body.summary.articles).toBe(1);
    const articleId = await db.read(
      "MATCH (a:Article) WHERE a.url = $url RETURN a.id AS id",
      { url: `${site.base}/news/story-5` },
      (r) => String(r.get("id")),
    );
    expect(articleId).toHaveLength(1);
    const article = await request(app).get(`/api/articles/${articleId[0]}`).expect(200);
    expect(article.body).toMatchObject({ publisher: "The Parley Test Gazette", published: inventedStory(5).published });
    expect(article.body.text).not.toMatch(/cookie|Related stories/);
  });

  it("should treat fetching as a write: a forwarded request without a token is refused, text alone is not", async () => {
    await request(app)
      .post("/api/articles/preview")
      .set("X-Forwarded-For", "203.0.113.9")
      .send({ url: `${site.base}/news/story-0` })
      .expect(401);
    await request(app)
      .post("/api/articles/preview")
      .set("X-Forwarded-For", "203.0.113.9")
      .send({ articles: [{ text: "Talia Morcant met Jonas Pellarin in Vienna on Monday to discuss water sharing." }] })
      .expect(200);
  });

  it("should name the cause when a URL cannot be used", async () => {
    const cases: [unknown, number, RegExp][] = [
      ["javascript:alert(1)", 400, /http:\/\/ or https:\/\//],
      ["file:///etc/passwd", 400, /http:\/\/ or https:\/\//],
      [`${site.base}/report.pdf`, 400, /application\/pdf, not an HTML page/],
      [`${site.base}/nowhere`, 502, /answered 404/],
    ];
    for (const [url, status, message] of cases) {
      const res = await request(app).post("/api/articles/preview").send({ url }).expect(status);
      expect(res.body.error.message, String(url)).toMatch(message);
    }
    const strict = createTestApp(db).app;
    const refused = await request(strict)
      .post("/api/articles/preview")
      .send({ url: `${site.base}/news/story-0` })
      .expect(400);
    expect(refused.body.error.message).toMatch(/loopback address.*PARLEY_FETCH_ALLOW_PRIVATE=1/);
    const empty = await request(app).post("/api/articles/preview").send({}).expect(400);
    expect(empty.body.error.message).toMatch(/articles|url/);
  });
});
