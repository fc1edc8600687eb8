/**
 * As known on a date
 * ==================
 *
 * `?asOf=YYYY-MM-DD` on an invented history. A first file is loaded and dated back to 2026-01-10 (as if loaded
 * then); a curator deleted one meeting on 2026-02-10 (the change's time dated back too); today a curator merges a
 * duplicate actor and a second file brings a new actor and restates an old meeting. Each as-of date must show the
 * record as it stood then, the present must stay as it is, and a purge must erase a node from every date.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { restoreBackup, writeBackup } from "../../server/modules/curation/backup.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const meeting = (id: string, date: string, actors: string[], cites?: string) => ({
  id,
  type: "event",
  kind: "meeting",
  name: `Invented meeting ${id}`,
  date,
  participants: actors.map((actor) => ({ actor: `fx-asof-${actor}` })),
  ...(cites ? { evidence: [{ article: cites, paragraph: 0 }] } : {}),
});

const firstFile = {
  format: "parley-import",
  version: 1,
  nodes: [
    { id: "fx-asof-ana", type: "person", name: "Ana Asof" },
    { id: "fx-asof-ben", type: "person", name: "Ben Asof" },
    { id: "fx-asof-ben2", type: "person", name: "Benjamin Asof" },
    { id: "fx-asof-cal", type: "person", name: "Cal Asof" },
    meeting("fx-asof-e1", "2025-05-01", ["ana", "ben"], "fx-asof-art1"),
    meeting("fx-asof-e2", "2025-06-01", ["ana", "ben2"]),
    meeting("fx-asof-e3", "2025-07-01", ["ana", "cal"]),
  ],
  articles: [{ id: "fx-asof-art1", title: "An invented first report" }],
};

const secondFile = {
  format: "parley-import",
  version: 1,
  nodes: [
    { id: "fx-asof-ana", type: "person", name: "Ana Asof" },
    { id: "fx-asof-ben", type: "person", name: "Ben Asof" },
    { id: "fx-asof-dee", type: "person", name: "Dee Asof" },
    // Restated, by a second article: its links are written afresh and must keep the time they were first learned.
    meeting("fx-asof-e1", "2025-05-01", ["ana", "ben"], "fx-asof-art2"),
    meeting("fx-asof-e4", "2026-03-01", ["ana", "dee"]),
  ],
  articles: [{ id: "fx-asof-art2", title: "An invented second report" }],
};

const FIRST_LOAD = "2026-01-10T12:00:00Z";
const DELETED_AT = "2026-02-10T10:00:00.000Z";
const today = new Date().toISOString().slice(0, 10);

type Graph = {
  nodes: { key: string }[];
  edges: { source: string; target: string; attributes: { kind: string; count?: number } }[];
};

/** The met ties of a graph answer as "a+b": count. */
function ties(body: Graph): Record<string, number> {
  return Object.fromEntries(
    body.edges
      .filter((e) => e.attributes.kind === "met")
      .map((e) => [
        [e.source, e.target]
          .map((id) => id.replace("fx-asof-", ""))
          .sort()
          .join("+"),
        e.attributes.count ?? 0,
      ]),
  );
}

const people = (body: Graph) =>
  body.nodes
    .map((n) => n.key)
    .filter((key) => !key.startsWith("fx-asof-e"))
    .map((key) => key.replace("fx-asof-", ""))
    .sort();

describe("as known on a date #history", () => {
  let db: Database;
  // A fresh app per read: the response cache must never be what makes an answer right.
  const get = (url: string) => request(createTestApp(db).app).get(url);

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, firstFile);
    // As if the first file had been loaded on 2026-01-10.
    await db.writeTx((tx) =>
      tx.run(
        `MATCH (n:Entity) SET n.knownFrom = datetime($at)
         WITH count(*) AS _
         MATCH (:Entity)-[r]->(:Entity) WHERE r.knownFrom IS NOT NULL SET r.knownFrom = datetime($at)
         WITH count(*) AS _
         MATCH (ev:Evidence) SET ev.createdAt = datetime($at)`,
        { at: FIRST_LOAD },
      ),
    );
    const { app } = createTestApp(db);
    const deleted = await request(app)
      .delete("/api/nodes/fx-asof-e3")
      .send({ reason: "this meeting did not happen" })
      .expect(200);
    await db.writeTx((tx) =>
      tx.run("MATCH (c:Change {id: $id}) SET c.at = $at", { id: deleted.body.id, at: DELETED_AT }),
    );
    await request(app)
      .post("/api/curation/merge")
      .send({ keep: "fx-asof-ben", merge: "fx-asof-ben2", reason: "the same person" })
      .expect(200);
    await loadImportFile(db, secondFile);
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it("should show the graph before and after an ingest, and keep a restated link's first known date", async () => {
    const before = (await get("/api/graph?asOf=2026-02-20").expect(200)).body as Graph;
    expect(people(before)).not.toContain("dee");
    expect(ties(before)).toEqual({ "ana+ben": 1, "ana+ben2": 1 });
    const now = (await get(`/api/graph?asOf=${today}`).expect(200)).body as Graph;
    expect(people(now)).toContain("dee");
    expect(ties(now)).toEqual({ "ana+ben": 2, "ana+dee": 1 });
    const [stamp] = await db.read(
      "MATCH (:Entity {id: 'fx-asof-ana'})-[r:PARTICIPATED_IN]->(:Entity {id: 'fx-asof-e1'}) RETURN toString(r.knownFrom) AS at",
      {},
      (r) => r.get("at") as string,
    );
    expect(stamp).toMatch(/^2026-01-10T12:00/);
  });

  it("should cite only the passages known on the date", async () => {
    const articlesOf = (body: { evidence: { article: { id: string } }[] }) =>
      body.evidence.map((c) => c.article.id).sort();
    const then = await get("/api/nodes/fx-asof-e1?asOf=2026-02-20").expect(200);
    expect(articlesOf(then.body)).toEqual(["fx-asof-art1"]);
    const now = await get("/api/nodes/fx-asof-e1").expect(200);
    expect(articlesOf(now.body)).toEqual(["fx-asof-art1", "fx-asof-art2"]);
  });

  it("should show two actors merged after the date apart, and as one in the present", async () => {
    const then = (await get("/api/graph?asOf=2026-02-20").expect(200)).body as Graph;
    expect(people(then)).toEqual(expect.arrayContaining(["ana", "ben", "ben2"]));
    const present = (await get("/api/graph").expect(200)).body as Graph;
    expect(people(present)).not.toContain("ben2");
    expect(ties(present)).toEqual({ "ana+ben": 2, "ana+dee": 1 });
    const details = await get("/api/nodes/fx-asof-ben2?asOf=2026-02-20").expect(200);
    expect(details.body).toMatchObject({ label: "Benjamin Asof", eventsTotal: 1 });
    await get("/api/nodes/fx-asof-ben2").expect(404);
  });

  it("should bring a deleted meeting's tie back under a date before its deletion", async () => {
    const then = (await get("/api/graph?asOf=2026-01-31").expect(200)).body as Graph;
    expect(ties(then)).toEqual({ "ana+ben": 1, "ana+ben2": 1, "ana+cal": 1 });
    const diff = await get("/api/diff?a=2025..2025&b=2026..2026&asOf=2026-01-31").expect(200);
    expect(diff.body.attributes).toMatchObject({ removed: 3, added: 0, b: { events: 0 } });
    const diffNow = await get("/api/diff?a=2025..2025&b=2026..2026").expect(200);
    expect(diffNow.body.attributes).toMatchObject({ removed: 1, added: 1 });
  });

  it("should refuse a malformed or impossible date with a clear message", async () => {
    for (const bad of ["2026-3-1", "yesterday", "2026-02-30"]) {
      const res = await get(`/api/graph?asOf=${bad}`).expect(400);
      expect(JSON.stringify(res.body)).toMatch(/asOf/);
    }
    const res = await get("/api/nodes/fx-asof-ana?asOf=2026-13-01").expect(400);
    expect(JSON.stringify(res.body)).toMatch(/asOf/);
  });

  it("should leave the present untouched after as-of reads (the rewind is rolled back)", async () => {
    const countsBefore = await readCounts(db);
    const present = (await get("/api/graph").expect(200)).body as Graph;
    await get("/api/graph?asOf=2026-01-31").expect(200);
    await get("/api/nodes/fx-asof-ben2?asOf=2026-01-31").expect(200);
    expect(await readCounts(db)).toEqual(countsBefore);
    const again = (await get("/api/graph").expect(200)).body as Graph;
    expect(people(again)).toEqual(people(present));
    expect(ties(again)).toEqual(ties(present));
  });

  it("should never bring a purged node back, at any date", async () => {
    await request(createTestApp(db).app)
      .delete("/api/nodes/fx-asof-cal?purge=true")
      .send({ reason: "erase this person" })
      .expect(200);
    const then = (await get("/api/graph?asOf=2026-01-31").expect(200)).body as Graph;
    expect(people(then)).not.toContain("cal");
    expect(ties(then)).toEqual({ "ana+ben": 1, "ana+ben2": 1 });
    await get("/api/nodes/fx-asof-cal?asOf=2026-01-31").expect(404);
    const [mentions] = await db.read(
      "MATCH (c:Change) WHERE c.before CONTAINS 'fx-asof-cal' OR c.after CONTAINS 'fx-asof-cal' RETURN count(c) AS n",
      {},
      (r) => Number(r.get("n")),
    );
    expect(mentions).toBe(0);
  });

  it("should keep when each fact was learned through a backup and a restore", async () => {
    const graphThen = async () => (await get("/api/graph?asOf=2026-02-20").expect(200)).body as Graph;
    const before = await graphThen();
    const chunks: string[] = [];
    await writeBackup(db, { write: async (chunk) => void chunks.push(chunk) });
    await resetDatabase(db);
    await restoreBackup(db, JSON.parse(chunks.join("")));
    // A restore that stamped everything with its own time would show the second file's people, or no one at all.
    const after = await graphThen();
    expect(people(after)).toEqual(people(before));
    expect(ties(after)).toEqual(ties(before));
    const [stamp] = await db.read(
      "MATCH (:Entity {id: 'fx-asof-ana'})-[r:PARTICIPATED_IN]->(:Entity {id: 'fx-asof-e1'}) RETURN toString(r.knownFrom) AS at",
      {},
      (r) => r.get("at") as string,
    );
    expect(stamp).toMatch(/^2026-01-10T12:00/);
  });
});
