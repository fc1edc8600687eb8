/**
 * Level-of-detail overview
 * ========================
 *
 * On a generated dataset with more actors than the element budget, `GET /api/graph` returns the LOD view (top
 * actors plus community meta-nodes) and never exceeds its node and edge limits; a meta-node expands on request.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedGraph } from "../../contracts/graph.js";
import type { Database } from "../../server/db/database.js";
import { buildLodGraph, lodLimits } from "../../server/modules/graph/graph.lod.js";
import { loadImportFile } from "../helpers/load.js";
import { generateSynthetic } from "../bench/synthetic.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const BUDGETS = [10, 50, 200];

describe("graph #lod", () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, generateSynthetic({ actors: 600, events: 2_000, seed: 7 }));
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it.each(BUDGETS)("should stay within the limits at a budget of %i", async (budget) => {
    const { app } = createTestApp(db, { PARLEY_GRAPH_BUDGET: String(budget) });
    const res = await request(app).get("/api/graph").expect(200);
    const graph = res.body as SerializedGraph;
    const limits = lodLimits(budget);
    expect(graph.attributes?.lod).toBe(true);
    expect(graph.nodes.length).toBeLessThanOrEqual(limits.nodes);
    expect(graph.edges.length).toBeLessThanOrEqual(limits.edges);
    const keys = new Set(graph.nodes.map((n) => n.key));
    expect(keys.size).toBe(graph.nodes.length);
    for (const e of graph.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    expect(graph.nodes.some((n) => n.attributes.category === "community")).toBe(true);
  });

  it("should share the events view's budget between events and the actors who took part", async () => {
    const { app } = createTestApp(db, { PARLEY_GRAPH_BUDGET: "50" });
    const res = await request(app).get("/api/graph").query({ view: "events" }).expect(200);
    const graph = res.body as SerializedGraph;
    expect(graph.nodes.length).toBeLessThanOrEqual(50);
    const events = graph.nodes.filter((n) => n.attributes.category === "event").map((n) => n.key);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(25);
    // Every event shown comes with someone who took part in it.
    const linked = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
    for (const event of events) expect(linked.has(event)).toBe(true);
  });

  it("should expand a community within the limits", async () => {
    const { app } = createTestApp(db, { PARLEY_GRAPH_BUDGET: "50" });
    const overview = (await request(app).get("/api/graph").expect(200)).body as SerializedGraph;
    const meta = overview.nodes.find((n) => n.attributes.category === "community" && n.attributes.expandable);
    expect(meta).toBeDefined();
    const community = String(meta!.attributes.community);
    const res = await request(app).get("/api/graph").query({ community }).expect(200);
    const graph = res.body as SerializedGraph;
    expect(graph.attributes?.focus).toBe(community);
    expect(graph.nodes.length).toBeLessThanOrEqual(50);
    expect(graph.edges.length).toBeLessThanOrEqual(lodLimits(50).edges);
    const actors = graph.nodes.filter((n) => n.attributes.category !== "community");
    expect(actors.length).toBeGreaterThan(0);
    for (const a of actors) expect(a.attributes.community).toBe(community);
  });

  it("should keep the ordinary overview when the database fits the budget", async () => {
    const { app } = createTestApp(db, { PARLEY_GRAPH_BUDGET: "100000" });
    const res = await request(app).get("/api/graph").expect(200);
    expect((res.body as SerializedGraph).attributes?.lod).toBeUndefined();
  });

  it("should never exceed the limits for any budget on a synthetic summary", () => {
    const actors = Array.from({ length: 2_000 }, (_, i) => ({
      id: `a-${i}`,
      name: `A ${i}`,
      type: "person",
      kind: "person",
      x: i,
      y: -i,
      community: `c-${i % 37}`,
      degree: Math.floor(1_000 / (i + 1)),
    }));
    const pairs = 20_000;
    const sources = new Uint32Array(pairs);
    const targets = new Uint32Array(pairs);
    const counts = new Uint32Array(pairs).fill(1);
    for (let k = 0; k < pairs; k++) {
      sources[k] = k % 2_000;
      targets[k] = (k * 7919 + 13) % 2_000;
    }
    const summary = { actors, sources, targets, counts, communityNames: new Map<string, string>() };
    for (const budget of [1, 2, 5, 10, 37, 100, 1_000, 5_000]) {
      const graph = buildLodGraph(summary, lodLimits(budget));
      expect(graph.nodes.length).toBeLessThanOrEqual(budget);
      expect(graph.edges.length).toBeLessThanOrEqual(lodLimits(budget).edges);
    }
  });
});
