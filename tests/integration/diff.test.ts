/**
 * Two periods compared
 * ====================
 *
 * `GET /api/diff` on an invented file whose ties are known: Ana and Ben meet in both periods (kept, with their
 * meetings counted on each side), Ana and Cal only in the first (removed), Cal and Dee only in the second (added).
 * An event dated by its year only counts in a window its year overlaps; the graph's filters apply to both periods.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const meeting = (id: string, date: string, actors: string[], kind = "meeting") => ({
  id,
  type: "event",
  kind,
  name: `Invented meeting ${id}`,
  date,
  participants: actors.map((actor) => ({ actor })),
});

const file = {
  format: "parley-import",
  version: 1,
  nodes: [
    { id: "fx-diff-ana", type: "person", name: "Ana Invented" },
    { id: "fx-diff-ben", type: "person", name: "Ben Invented" },
    { id: "fx-diff-cal", type: "person", name: "Cal Invented" },
    { id: "fx-diff-dee", type: "person", name: "Dee Invented" },
    meeting("fx-diff-e1", "2018-03-02", ["fx-diff-ana", "fx-diff-ben"]),
    meeting("fx-diff-e2", "2018-09-10", ["fx-diff-ana", "fx-diff-ben"]),
    meeting("fx-diff-e3", "2018-05-05", ["fx-diff-ana", "fx-diff-cal"]),
    meeting("fx-diff-e4", "2023-01-20", ["fx-diff-ana", "fx-diff-ben"]),
    meeting("fx-diff-e5", "2023-06-30", ["fx-diff-cal", "fx-diff-dee"]),
    // Known only by its year: it overlaps a window that ends in 2019.
    meeting("fx-diff-e6", "2019", ["fx-diff-ben", "fx-diff-dee"]),
    meeting("fx-diff-e7", "2023-07-14", ["fx-diff-ana", "fx-diff-dee"], "visit"),
    { id: "fx-diff-nor", type: "country", name: "Invented Norland" },
  ],
  // Cal and Dee belong to Norland through an office held there.
  roles: [
    { person: "fx-diff-cal", title: "Invented envoy", of: "fx-diff-nor" },
    { person: "fx-diff-dee", title: "Invented minister", of: "fx-diff-nor" },
  ],
};

describe("two periods compared #diff", () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, file);
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  const pairOf = (e: { source: string; target: string }) =>
    [e.source, e.target].sort().join("+").replaceAll("fx-diff-", "");

  it("should mark each tie added, removed or kept, with its meetings in each period", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/diff?a=2018..2019-06&b=2022-01..2024-12").expect(200);
    const ties = Object.fromEntries(
      (res.body.edges as { source: string; target: string; attributes: Record<string, unknown> }[]).map((e) => [
        pairOf(e),
        { change: e.attributes.change, countA: e.attributes.countA, countB: e.attributes.countB },
      ]),
    );
    expect(ties).toEqual({
      "ana+ben": { change: "kept", countA: 2, countB: 1 },
      "ana+cal": { change: "removed", countA: 1, countB: 0 },
      "ben+dee": { change: "removed", countA: 1, countB: 0 },
      "cal+dee": { change: "added", countA: 0, countB: 1 },
      "ana+dee": { change: "added", countA: 0, countB: 1 },
    });
    expect(res.body.attributes).toMatchObject({ added: 2, removed: 2, kept: 1, a: { events: 4 }, b: { events: 3 } });
    const nodes = Object.fromEntries(
      (res.body.nodes as { key: string; attributes: { change: string } }[]).map((n) => [n.key, n.attributes.change]),
    );
    expect(nodes).toEqual({
      "fx-diff-ana": "kept",
      "fx-diff-ben": "kept",
      "fx-diff-cal": "kept",
      "fx-diff-dee": "kept",
    });
  });

  it("should leave out an event dated by its year when the window does not reach that year", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/diff?a=2018-01..2018-12&b=2023..2023").expect(200);
    const pairs = (res.body.edges as { source: string; target: string }[]).map(pairOf).sort();
    expect(pairs).toEqual(["ana+ben", "ana+cal", "ana+dee", "cal+dee"]);
    const dee = (res.body.nodes as { key: string; attributes: { change: string } }[]).find(
      (n) => n.key === "fx-diff-dee",
    );
    expect(dee?.attributes.change).toBe("added");
  });

  it("should apply the graph's filters to both periods", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/diff?a=2018..2019&b=2023..2023&eventKinds=visit").expect(200);
    expect((res.body.edges as { source: string; target: string }[]).map(pairOf)).toEqual(["ana+dee"]);
    expect(res.body.attributes).toMatchObject({ added: 1, removed: 0, kept: 0, a: { events: 0 }, b: { events: 1 } });
  });

  it("should keep only the actors of the chosen countries, on both sides", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/diff?a=2018..2019&b=2023..2023&countries=fx-diff-nor").expect(200);
    expect((res.body.edges as { source: string; target: string }[]).map(pairOf)).toEqual(["cal+dee"]);
    const nodes = res.body.nodes as { key: string; attributes: { change: string; label: string } }[];
    expect(nodes.map((n) => [n.attributes.label, n.attributes.change]).sort()).toEqual([
      ["Cal Invented", "kept"],
      ["Dee Invented", "kept"],
    ]);
  });

  it("should keep the most connected actors of both periods within the node budget, and say it cut", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/diff?a=2018..2019&b=2023..2023&limit=2").expect(200);
    const nodes = res.body.nodes as { key: string; attributes: { label: string; degree: number } }[];
    expect(nodes.map((n) => [n.attributes.label, n.attributes.degree]).sort()).toEqual([
      ["Ana Invented", 3],
      ["Dee Invented", 3],
    ]);
    expect((res.body.edges as { source: string; target: string }[]).map(pairOf)).toEqual(["ana+dee"]);
    expect(res.body.attributes).toMatchObject({ truncated: true, added: 1, removed: 0, kept: 0 });
  });

  it("should refuse a period that is not FROM..TO or ends before it starts, saying what is expected", async () => {
    const { app } = createTestApp(db);
    const bad = await request(app).get("/api/diff?a=2018&b=2023..2024").expect(400);
    expect(JSON.stringify(bad.body)).toContain("FROM..TO");
    const backwards = await request(app).get("/api/diff?a=2019..2018&b=2023..2024").expect(400);
    expect(JSON.stringify(backwards.body)).toContain("must not end before it starts");
  });
});
