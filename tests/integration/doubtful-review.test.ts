/**
 * Doubtful extractions through the API: an item below the extractor's confidence threshold is queued at /review and
 * kept out of the graph (unless `acceptAll`), and a long text that is clearly not English is refused.
 * The articles are written for the test: invented officials of Ghana and Chile, and a capitalised phrase the rules
 * read as a name.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const ARTICLE = [
  "date: 2026-03-04",
  "",
  "ACCRA (Test Wire) - Ghana's Foreign Minister Ama Owusu-Ansah met Chile's Foreign Minister Ignacio Valdés in Accra on Tuesday to discuss cocoa and copper trade.",
  "",
  "Owusu-Ansah said the talks were useful. Later, Oduya Kente Works joined the talks.",
  "",
].join("\n");

const SPANISH =
  "La ministra de Relaciones Exteriores de Chile recibió el lunes en Santiago a su homólogo de Ghana para " +
  "conversar sobre el comercio de cobre y de cacao. Ambos gobiernos acordaron crear una comisión mixta, estudiar " +
  "un vuelo directo entre las dos capitales y reunirse otra vez antes de fin de año, según un comunicado de la " +
  "cancillería publicado por la tarde.";

describe("ingest #doubtful items", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  it("should list a doubtful item in the preview and write nothing", async () => {
    const { app } = createTestApp(db);
    const before = await readCounts(db);
    const preview = await request(app)
      .post("/api/articles/preview")
      .send({ articles: [{ text: ARTICLE, file: "accra.txt" }] })
      .expect(200);
    expect(preview.body.doubtful.map((d: { label: string }) => d.label)).toContain("Oduya Kente Works");
    const ids = preview.body.document.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["ama-owusu-ansah", "ignacio-valdes"]));
    expect(ids).not.toContain("oduya-kente-works");
    expect(await readCounts(db)).toEqual(before);
  });

  it("should queue a low-confidence item at /review and keep it out of the graph", async () => {
    const { app } = createTestApp(db);
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: ARTICLE, file: "accra.txt" }] })
      .expect(200);
    await request(app).get("/api/nodes/ama-owusu-ansah").expect(200);
    await request(app).get("/api/nodes/oduya-kente-works").expect(404);
    const open = await request(app).get("/api/suggestions?status=open").expect(200);
    const queued = open.body.suggestions.filter((s: { kind: string }) => s.kind === "low-confidence");
    expect(queued.map((s: { text: string }) => s.text)).toEqual(
      expect.arrayContaining([expect.stringContaining("Oduya Kente Works")]),
    );
    // Reviewing it says so without touching the graph.
    const one = queued.find((s: { text: string }) => s.text.includes("Oduya Kente Works"));
    await request(app).post(`/api/suggestions/${one.id}/reject`).send({}).expect(200);
    await request(app).get("/api/nodes/oduya-kente-works").expect(404);
  });

  it("should write doubtful items too when the request says acceptAll", async () => {
    const { app } = createTestApp(db);
    await request(app)
      .post("/api/articles")
      .send({ articles: [{ text: ARTICLE, file: "accra-all.txt" }], acceptAll: true })
      .expect(200);
    await request(app).get("/api/nodes/oduya-kente-works").expect(200);
  });

  it("should refuse a long Spanish article with the language message and write nothing", async () => {
    const { app } = createTestApp(db);
    const before = await readCounts(db);
    for (const path of ["/api/articles/preview", "/api/articles"]) {
      const res = await request(app)
        .post(path)
        .send({ articles: [{ text: SPANISH, file: "santiago.txt" }] })
        .expect(400);
      expect(res.body.error.message).toContain("Parley reads English articles; this looks like Spanish.");
    }
    expect(await readCounts(db)).toEqual(before);
  });
});
