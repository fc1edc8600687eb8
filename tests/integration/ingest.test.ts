/**
 * Ingest: news articles through the extractor into the graph, idempotent, with malformed input refused whole.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { articlesToImport, decodeArticle } from "../../server/modules/ingest/extraction.import.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { SEEDS_DIR, createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const seedFiles = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => path.join(SEEDS_DIR, f));

describe.skipIf(seedFiles.length === 0)("ingest #seed articles", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  const ingestSeeds = async () => {
    const inputs = seedFiles.map((file) => decodeArticle(file, readFileSync(file)));
    return loadImportFile(db, articlesToImport(inputs).document);
  };

  it("should turn the four seed articles into a graph holding the seed meetings", async () => {
    await ingestSeeds();
    const pairs = await db.read("MATCH (a:Entity)-[m:MET]->(b:Entity) RETURN a.name AS a, b.name AS b", {}, (r) =>
      [r.get("a") as string, r.get("b") as string].sort().join(" | "),
    );
    const has = (x: string, y: string) => pairs.some((p) => p.includes(x) && p.includes(y));
    expect(has("Rouhani", "Nechirvan Barzani")).toBe(true);
    expect(has("Khalafov", "Raisi")).toBe(true);
    expect(has("Khalafov", "Amir-Abdollahian")).toBe(true);
    const stored = await db.read("MATCH (a:Article) WHERE a.text IS NOT NULL RETURN count(a) AS n", {}, (r) =>
      Number(r.get("n")),
    );
    expect(stored[0]).toBe(seedFiles.length);
  });

  it("should change no counts when the same articles are ingested again", async () => {
    const before = await readCounts(db);
    await ingestSeeds();
    expect(await readCounts(db)).toEqual(before);
  });

  it("should cite every extracted meeting with a span of the stored article text", async () => {
    const rows = await db.read(
      `MATCH (e:Event)-[:EVIDENCED_BY]->(ev:Evidence)-[:IN_ARTICLE]->(a:Article)
       WHERE e.kind = 'meeting' RETURN ev.start AS start, ev.end AS end, a.text AS text, ev.by AS by`,
      {},
      (r) => ({
        start: Number(r.get("start")),
        end: Number(r.get("end")),
        text: r.get("text") as string,
        by: r.get("by") as string,
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.by).toMatch(/^extractor:/);
      expect(row.end).toBeGreaterThan(row.start);
      expect(row.text.slice(row.start, row.end).trim().length).toBeGreaterThan(10);
    }
  });
});

describe("ingest #malformed input", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  const cases: { name: string; bytes: Uint8Array; message: RegExp }[] = [
    { name: "an empty file", bytes: new Uint8Array(0), message: /empty/ },
    { name: "a binary file", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), message: /binary/ },
    { name: "a 50 MB file", bytes: new Uint8Array(50 * 1024 * 1024).fill(0x61), message: /at most/ },
    {
      name: "Latin-1 text",
      bytes: Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6d, 0x65, 0x74]),
      message: /UTF-8/,
    },
  ];
  for (const c of cases) {
    it(`should refuse ${c.name} with a clear message and write nothing`, () => {
      expect(() => decodeArticle("bad.txt", c.bytes)).toThrow(c.message);
    });
  }

  it("should refuse malformed articles through the API and leave the database unchanged", async () => {
    const { app } = createTestApp(db);
    const before = await readCounts(db);
    const empty = await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: "   " }] })
      .expect(400);
    expect(empty.body.error.message).toMatch(/whitespace/);
    const big = await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: "a".repeat(2_000_001) }] })
      .expect(400);
    expect(big.body.error.message).toMatch(/at most/);
    await request(app)
      .post("/api/articles")
      .set("Content-Type", "text/plain")
      .send("President A met Minister B.")
      .expect(415);
    expect(await readCounts(db)).toEqual(before);
  });

  it("should preview an article without writing, then save it", async () => {
    const { app } = createTestApp(db);
    const text =
      "TEHRAN, March 3 (Wire) - Ruritania's Foreign Minister Anna Kovalenko met Freedonia's President Marco Ettore on Monday in Tehran to discuss trade.\n";
    const before = await readCounts(db);
    const preview = await request(app)
      .post("/api/articles/preview")
      .send({ articles: [{ text, file: "wire.txt" }] })
      .expect(200);
    expect(preview.body.document.format).toBe("parley-import");
    expect(await readCounts(db)).toEqual(before);
    const saved = await request(app).post("/api/articles").send({ document: preview.body.document }).expect(200);
    expect(saved.body.summary.articles).toBe(1);
    const after = await readCounts(db);
    expect(after.labels.Article).toBe((before.labels.Article ?? 0) + 1);
  });
});
