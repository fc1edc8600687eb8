/**
 * Article identity: an article is its text, not its file name. Pasted articles used to be all named
 * `pasted-article-1.txt`, so the second paste replaced the first one's text and meeting.
 */
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { articlesToImport, decodeArticle } from "../../server/modules/ingest/extraction.import.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const OSLO =
  "OSLO, May 6 (Wire) - Norway's Foreign Minister Ingrid Solbakken met Chile's Foreign Minister Tomas Errazuriz " +
  "on Tuesday in Oslo to discuss fisheries and ocean research.\n";
const LIMA =
  "LIMA, May 8 (Wire) - Peru's President Rosa Quispe Mamani met Japan's Foreign Minister Kenji Tanabe " +
  "on Thursday in Lima to discuss mining investment.\n";

interface Citation {
  article: string;
  text: string;
  start: number;
  end: number;
}

/** Every citation of the graph with its article's stored text. */
async function citations(db: Database): Promise<Citation[]> {
  return db.read(
    `MATCH (ev:Evidence)-[:IN_ARTICLE]->(a:Article)
     RETURN a.id AS article, a.text AS text, ev.start AS start, ev.end AS end`,
    {},
    (r) => ({
      article: String(r.get("article")),
      text: String(r.get("text")),
      start: Number(r.get("start")),
      end: Number(r.get("end")),
    }),
  );
}

/** The names of the participants of every meeting, one sorted string per meeting. */
async function meetings(db: Database): Promise<string[]> {
  const rows = await db.read(
    `MATCH (e:Event {kind: 'meeting'})<-[:PARTICIPATED_IN]-(p:Entity)
     WITH e, collect(p.name) AS names RETURN names`,
    {},
    (r) => [...(r.get("names") as string[])].sort().join(" + "),
  );
  return rows.sort();
}

describe("article identity", () => {
  let db: Database;
  beforeAll(() => {
    db = openTestDatabase();
  });
  beforeEach(async () => resetDatabase(db));
  afterAll(async () => db.close());

  it("should keep two pasted articles apart, each with its own text, meeting and citations", async () => {
    const { app } = createTestApp(db);
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: OSLO }] })
      .expect(200);
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: LIMA }] })
      .expect(200);

    const texts = await db.read("MATCH (a:Article) RETURN a.text AS text ORDER BY text", {}, (r) => r.get("text"));
    expect(texts).toEqual([LIMA, OSLO]);
    expect(await meetings(db)).toEqual(["Ingrid Solbakken + Tomas Errazuriz", "Kenji Tanabe + Rosa Quispe Mamani"]);
    // The Norwegian minister is still cited with the Oslo sentence, not with a sentence about Peru.
    const solbakken = await request(app).get("/api/nodes/ingrid-solbakken").expect(200);
    const quotes = (solbakken.body.evidence as { quote: string | null }[]).map((e) => e.quote ?? "");
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).not.toMatch(/Peru|Lima/);
    for (const c of await citations(db)) expect(c.end).toBeLessThanOrEqual(c.text.length);
  });

  it("should treat the same text pasted again as no change, and an edited text as a new article", async () => {
    const { app } = createTestApp(db);
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: OSLO }] })
      .expect(200);
    const once = await readCounts(db);
    // Line ends and trailing spaces do not make another article.
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: `${OSLO.replace(/\n$/, "")}  \r\n` }] })
      .expect(200);
    expect(await readCounts(db)).toEqual(once);

    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: OSLO.replace("fisheries", "shipping") }] })
      .expect(200);
    const edited = await readCounts(db);
    expect(edited.labels.Article).toBe((once.labels.Article ?? 0) + 1);
  });

  it("should keep apart two files of the same name from different folders", async () => {
    const inputs = [
      decodeArticle("monday/wire.txt", new TextEncoder().encode(OSLO)),
      decodeArticle("tuesday/wire.txt", new TextEncoder().encode(LIMA)),
    ];
    await loadImportFile(db, articlesToImport(inputs).document);
    const texts = await db.read("MATCH (a:Article) RETURN a.text AS text ORDER BY text", {}, (r) => r.get("text"));
    expect(texts).toEqual([LIMA, OSLO]);
    expect(await meetings(db)).toHaveLength(2);
  });

  it("should find an article stored under its file name when its text comes again", async () => {
    const { app } = createTestApp(db);
    // Stored before ids came from the text: the article and its events are named after the file.
    const legacy = articlesToImport([decodeArticle("oslo-report.txt", new TextEncoder().encode(OSLO))]);
    const key = legacy.document.articles![0].id.replace(/^art-/, "");
    const document = JSON.parse(JSON.stringify(legacy.document).replaceAll(key, "oslo-report"));
    expect(document.nodes.some((n: { id: string }) => n.id === "evt-oslo-report-1")).toBe(true);
    await loadImportFile(db, document);
    const before = await readCounts(db);

    const again = await request(app)
      .post("/api/articles/preview")
      .send({ articles: [{ text: OSLO }] })
      .expect(200);
    expect(again.body.document.articles.map((a: { id: string }) => a.id)).toEqual(["art-oslo-report"]);
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: OSLO }] })
      .expect(200);
    expect(await readCounts(db)).toEqual(before);
    const ids = await db.read("MATCH (a:Article) RETURN a.id AS id", {}, (r) => r.get("id"));
    expect(ids).toEqual(["art-oslo-report"]);
  });
});
