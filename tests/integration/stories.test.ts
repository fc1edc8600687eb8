/**
 * Stories: content-addressed ids, captions kept as text, limits and unknown references refused with the reason,
 * takedown, protected writes, the JSON download, framing of the embed, and backup and restore carrying a story, on
 * the run's real Neo4j.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../server/config.js";
import type { Database } from "../../server/db/database.js";
import { restoreBackup, writeBackup } from "../../server/modules/curation/backup.js";
import { STORY_CAPTION_MAX, STORY_MAX_STEPS, STORY_TITLE_MAX } from "../../contracts/stories.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";
import { loadImportFile } from "../helpers/load.js";
import { fromAnotherMachine } from "../helpers/remote.js";

/** Two invented ministers and one invented article: small, so backup and restore stay quick. */
const SMALL_FIXTURE = path.join(ROOT_DIR, "tests", "fixtures", "ingest", "small.json");

describe("stories", () => {
  let db: Database;
  let app: ReturnType<typeof createTestApp>["app"];
  let snapshots: string[];
  let evidenceId: string;

  /** A story of two steps over the two snapshots, the first citing a piece of evidence. */
  const story = () => ({
    title: "How the talks went",
    steps: [
      { snapshot: snapshots[0], title: "First contact", caption: "Two delegations meet.", citations: [evidenceId] },
      { snapshot: snapshots[1], title: "Later", caption: "The circle widens." },
    ],
  });

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, JSON.parse(readFileSync(SMALL_FIXTURE, "utf8")));
    app = createTestApp(db).app;
    const graph = (await request(app).get("/api/graph?view=met").expect(200)).body as {
      nodes: { key: string; attributes: Record<string, unknown> }[];
      edges: { source: string; target: string }[];
    };
    // Two views: the whole met graph, and its first two actors.
    const small = new Set(graph.nodes.slice(0, 2).map((n) => n.key));
    const views = [
      { title: "All", graph: { nodes: graph.nodes, edges: graph.edges } },
      {
        title: "Two",
        graph: {
          nodes: graph.nodes.filter((n) => small.has(n.key)),
          edges: graph.edges.filter((e) => small.has(e.source) && small.has(e.target)),
        },
      },
    ];
    snapshots = [];
    for (const view of views) snapshots.push((await request(app).post("/api/snapshots").send(view)).body.id);
    const [id] = await db.read(
      "MATCH (e:Evidence)-[:IN_ARTICLE]->(:Article) RETURN e.id AS id ORDER BY id LIMIT 1",
      {},
      (r) => String(r.get("id")),
    );
    evidenceId = id!;
  });
  afterAll(async () => db.close());

  it("should give the same id to the same story, and a new id to an edited one", async () => {
    const first = await request(app).post("/api/stories").send(story()).expect(201);
    expect(first.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{20}$/), url: `/stories/${first.body.id}` });
    const again = await request(app).post("/api/stories").send(story()).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const edited = story();
    edited.steps[1]!.caption = "The circle widens further.";
    const second = await request(app).post("/api/stories").send(edited).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    // The first is unchanged.
    const stored = await request(app).get(`/api/stories/${first.body.id}`).expect(200);
    expect(stored.body.steps[1].caption).toBe("The circle widens.");
    const listed = await request(app).get("/api/stories").expect(200);
    expect(listed.body.stories.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([first.body.id, second.body.id]),
    );
  });

  it("should serve a step's citations with their quote or note, article and date", async () => {
    const { body } = await request(app).post("/api/stories").send(story()).expect(200);
    const view = (await request(app).get(`/api/stories/${body.id}`).expect(200)).body;
    expect(view.steps.map((s: { snapshot: string }) => s.snapshot)).toEqual(snapshots);
    expect(view.steps[0].citations).toEqual([evidenceId]);
    const citation = view.citations[evidenceId];
    expect(citation.evidenceId).toBe(evidenceId);
    expect(citation.article.title).toEqual(expect.any(String));
    expect(citation.quote ?? citation.note).toEqual(expect.any(String));
  });

  it("should keep a caption with markup as the text it is", async () => {
    const caption = `Watch <script>alert("x")</script> & <b>this</b>`;
    const marked = { ...story(), steps: [{ snapshot: snapshots[0], title: "<i>Markup</i>", caption }] };
    const { body } = await request(app).post("/api/stories").send(marked).expect(201);
    const res = await request(app).get(`/api/stories/${body.id}`).expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.body.steps[0]).toMatchObject({ title: "<i>Markup</i>", caption });
  });

  it("should refuse stories past the limits, naming the limit", async () => {
    const step = { snapshot: snapshots[0], title: "A step" };
    const cases: [object, RegExp][] = [
      [{ title: "Empty", steps: [] }, /at least one step/],
      [{ title: "Long", steps: Array.from({ length: STORY_MAX_STEPS + 1 }, () => step) }, /at most 50 steps/],
      [{ title: "T", steps: [{ ...step, title: "x".repeat(STORY_TITLE_MAX + 1) }] }, /at most 120 characters/],
      [{ title: "C", steps: [{ ...step, caption: "x".repeat(STORY_CAPTION_MAX + 1) }] }, /at most 2000 characters/],
      [{ title: "Bad id", steps: [{ ...step, snapshot: "not-a-snapshot" }] }, /20 lower-case hex digits/],
    ];
    for (const [body, message] of cases) {
      const res = await request(app).post("/api/stories").send(body).expect(400);
      expect(JSON.stringify(res.body.error)).toMatch(message);
    }
  });

  it("should refuse an unknown snapshot or evidence id, naming it", async () => {
    const unknown = "0123456789abcdef0123";
    const res = await request(app)
      .post("/api/stories")
      .send({ title: "Ghost", steps: [{ snapshot: unknown, title: "Nothing", citations: ["no-such-evidence"] }] })
      .expect(400);
    expect(res.body.error.message).toContain(`no snapshot ${unknown}`);
    expect(res.body.error.message).toContain("no evidence no-such-evidence");
  });

  it("should answer 410 with the reason once taken down, and refuse writes from another machine", async () => {
    const body = { ...story(), title: "To take down" };
    await request(fromAnotherMachine(createTestApp(db).app))
      .post("/api/stories")
      .send(body)
      .expect(401);
    const { app: guarded } = createTestApp(db, { PARLEY_ADMIN_TOKEN: "s3cret" });
    await request(fromAnotherMachine(guarded)).post("/api/stories").send(body).expect(401);
    const created = await request(fromAnotherMachine(guarded))
      .post("/api/stories")
      .set("Authorization", "Bearer s3cret")
      .send(body)
      .expect(201);
    const id = created.body.id as string;
    await request(app).delete(`/api/stories/${id}`).send({ reason: "Court order 7" }).expect(200);
    const gone = await request(app).get(`/api/stories/${id}`).expect(410);
    expect(gone.body.error).toMatchObject({ code: "GONE", message: expect.stringContaining("Court order 7") });
    await request(app).get(`/api/stories/${id}.json`).expect(410);
    const listed = await request(app).get("/api/stories?limit=200").expect(200);
    expect(listed.body.stories.map((s: { id: string }) => s.id)).not.toContain(id);
    await request(app).post("/api/stories").send(body).expect(410);
    await request(app).get("/api/stories/0123456789abcdef0123").expect(404);
  });

  it("should download a story as JSON, and let only its embed be framed", async () => {
    const { body } = await request(app).post("/api/stories").send(story()).expect(200);
    for (const url of [`/api/stories/${body.id}.json`, `/api/stories/${body.id}?download=1`]) {
      const res = await request(app).get(url).expect(200);
      expect(res.headers["content-disposition"]).toBe(`attachment; filename="parley-story-${body.id}.json"`);
      expect(JSON.parse(res.text)).toMatchObject({ id: body.id, title: "How the talks went", formatVersion: 1 });
    }
    const page = await request(app).get(`/stories/${body.id}`);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    const embed = await request(app).get(`/stories/${body.id}?embed=1`);
    expect(embed.headers["x-frame-options"]).toBeUndefined();
  });

  it("should carry a story through backup and restore", async () => {
    const { body } = await request(app).post("/api/stories").send(story()).expect(200);
    const before = (await request(app).get(`/api/stories/${body.id}`).expect(200)).body;
    const chunks: string[] = [];
    await writeBackup(db, { write: async (chunk) => void chunks.push(chunk) });
    const file = JSON.parse(chunks.join("")) as { stories: unknown[] };
    expect(file.stories.length).toBeGreaterThanOrEqual(3);
    await resetDatabase(db);
    await restoreBackup(db, file);
    const after = await request(app).get(`/api/stories/${body.id}`).expect(200);
    expect(after.body).toEqual(before);
  });
});
