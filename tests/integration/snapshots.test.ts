/**
 * Snapshots: content-addressed ids, immutability after data changes, open live, limits, takedown, framing and
 * exports that parse back (graphology-gexf / graphology-graphml), on the run's real Neo4j.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../server/config.js";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../helpers/load.js";
import { gexfAttributes, graphmlAttributes } from "../../contracts/graph-formats.js";
import { countSnapshots } from "../../server/modules/snapshots/snapshots.repository.js";
import { SNAPSHOT_MAX_NODES } from "../../contracts/snapshots.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

type Body = {
  title: string;
  note: string;
  graph: { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: Record<string, unknown>[] };
  state: Record<string, unknown>;
};

const SMALL_FIXTURE = path.join(ROOT_DIR, "tests", "fixtures", "ingest", "small.json");

describe("snapshots", () => {
  let db: Database;
  let app: ReturnType<typeof createTestApp>["app"];
  let view: Body;

  /** The explorer's met view of the seed, with positions as the client would add them, and an invented node. */
  async function currentView(): Promise<Body> {
    const res = await request(app).get("/api/graph?view=met").expect(200);
    const nodes: Body["graph"]["nodes"] = (res.body.nodes as Body["graph"]["nodes"]).map((n, i) => ({
      key: n.key,
      attributes: { ...n.attributes, x: i * 1.5, y: -i / 3, size: 4 },
    }));
    // A node of the client's own (not in the database): stored, but not linked.
    nodes.push({
      key: "imaginary-actor",
      attributes: { label: "Imaginary", category: "person", kind: "person", x: 9, y: 9 },
    });
    return {
      title: "Seed met view",
      note: "For the tests",
      graph: { nodes, edges: res.body.edges },
      state: {
        filters: { view: "met" },
        camera: { x: 0.5, y: 0.5, ratio: 1.2, angle: 0 },
        selection: ["hassan-rouhani"],
        styling: { colorBy: "category" },
      },
    };
  }

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset());
    app = createTestApp(db).app;
    view = await currentView();
  });
  afterAll(async () => db.close());

  it("should give the same id to the same view, stored once, whatever the key order", async () => {
    const first = await request(app).post("/api/snapshots").send(view).expect(201);
    expect(first.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{20}$/), url: `/s/${first.body.id}` });
    const reordered = { state: view.state, graph: view.graph, note: view.note, title: view.title };
    const second = await request(app).post("/api/snapshots").send(reordered).expect(200);
    expect(second.body.id).toBe(first.body.id);
    const rows = await db.read("MATCH (s:Snapshot {id: $id}) RETURN count(s) AS n", { id: first.body.id }, (r) =>
      Number(r.get("n")),
    );
    expect(rows[0]).toBe(1);
    // Linked to the actors that exist, not to the invented one.
    const linked = await db.read(
      "MATCH (:Snapshot {id: $id})-[:SHOWS]->(e:Entity) RETURN e.id AS id",
      { id: first.body.id },
      (r) => r.get("id") as string,
    );
    expect(linked).toContain("hassan-rouhani");
    expect(linked).not.toContain("imaginary-actor");
    expect(linked.length).toBe(view.graph.nodes.length - 1);
    // A different title is a different snapshot.
    const other = await request(app)
      .post("/api/snapshots")
      .send({ ...view, title: "Another" })
      .expect(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it("should keep a snapshot unchanged after the data changes, and open live should report the difference", async () => {
    const { body: created } = await request(app)
      .post("/api/snapshots")
      .send({ ...view, title: "Before the fixture" })
      .expect(201);
    const before = await request(app).get(`/api/snapshots/${created.id}`).expect(200);
    expect(before.body).toMatchObject({
      id: created.id,
      title: "Before the fixture",
      formatVersion: 1,
      createdAt: expect.any(String),
      state: view.state,
    });
    expect(before.body.graph.nodes.map((n: { key: string }) => n.key)).toEqual(view.graph.nodes.map((n) => n.key));
    // Evidence ids were attached to the edges that have some.
    expect(
      before.body.graph.edges.some(
        (e: { attributes: { evidence?: string[] } }) => (e.attributes.evidence ?? []).length > 0,
      ),
    ).toBe(true);

    await loadImportFile(db, JSON.parse(readFileSync(SMALL_FIXTURE, "utf8")));

    const after = await request(app).get(`/api/snapshots/${created.id}`).expect(200);
    expect(after.body).toEqual(before.body);

    const live = await request(app).get(`/api/snapshots/${created.id}/live`).expect(200);
    expect(live.body.supported).toBe(true);
    const added = live.body.added.nodes.map((n: { key: string }) => n.key);
    expect(added).toContain("alpha-person");
    expect(live.body.removed.nodes.map((n: { key: string }) => n.key)).toEqual(["imaginary-actor"]);
    expect(live.body.added.edges.length).toBeGreaterThan(0);
    expect(live.body.unchanged.nodes).toBe(view.graph.nodes.length - 1);
  });

  it("should say when a query-based snapshot cannot be opened live", async () => {
    const { body } = await request(app)
      .post("/api/snapshots")
      .send({ ...view, state: { query: "MATCH (n) RETURN n" } })
      .expect(201);
    const live = await request(app).get(`/api/snapshots/${body.id}/live`).expect(200);
    expect(live.body).toMatchObject({ supported: false, reason: expect.stringContaining("query") });
  });

  it("should reject oversize and malformed bodies and store nothing", async () => {
    const before = await countSnapshots(db);
    const many = Array.from({ length: SNAPSHOT_MAX_NODES + 1 }, (_, i) => ({ key: `n${i}`, attributes: {} }));
    const tooMany = await request(app)
      .post("/api/snapshots")
      .send({ title: "big", graph: { nodes: many, edges: [] } })
      .expect(413);
    expect(tooMany.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const huge = {
      title: "huge",
      graph: { nodes: [{ key: "a", attributes: { blob: "x".repeat(6 * 1024 * 1024) } }], edges: [] },
    };
    await request(app).post("/api/snapshots").send(huge).expect(413);

    const malformed: unknown[] = [
      { title: "no graph" },
      {
        title: "bad edge",
        graph: {
          nodes: [{ key: "a", attributes: {} }],
          edges: [{ key: "e", source: "a", target: "missing", attributes: {} }],
        },
      },
      {
        title: "dup",
        graph: {
          nodes: [
            { key: "a", attributes: {} },
            { key: "a", attributes: {} },
          ],
          edges: [],
        },
      },
      { title: "bad camera", graph: { nodes: [], edges: [] }, state: { camera: { x: "left", y: 0, ratio: 1 } } },
      { title: 42, graph: { nodes: [], edges: [] } },
      { title: "extra", graph: { nodes: [], edges: [] }, evil: true },
    ];
    for (const body of malformed) {
      const res = await request(app)
        .post("/api/snapshots")
        .send(body as object)
        .expect(400);
      expect(res.body.error.code).toBe("VALIDATION_ERROR");
    }
    await request(app).post("/api/snapshots").set("Content-Type", "application/json").send("{not json").expect(400);
    expect(await countSnapshots(db)).toBe(before);
  });

  it("should take a snapshot down: 410 on its link, gone from the list, other routes fine", async () => {
    const { body } = await request(app)
      .post("/api/snapshots")
      .send({ ...view, title: "To take down" })
      .expect(201);
    const listed = await request(app).get("/api/snapshots?limit=100").expect(200);
    expect(listed.body.snapshots[0]).toMatchObject({ id: body.id, title: "To take down", url: `/s/${body.id}` });

    // With an admin token configured, a takedown needs it (server/http/access.ts); without one, loopback only.
    const { app: guarded } = createTestApp(db, { PARLEY_ADMIN_TOKEN: "s3cret" });
    await request(guarded).delete(`/api/snapshots/${body.id}`).expect(401);
    await request(guarded).delete(`/api/snapshots/${body.id}`).set("Authorization", "Bearer wrong").expect(403);
    await request(app).get(`/api/snapshots/${body.id}`).expect(200);
    await request(app).delete(`/api/snapshots/${body.id}`).send({ reason: "Legal request #12" }).expect(200);

    const gone = await request(app).get(`/api/snapshots/${body.id}`).expect(410);
    expect(gone.body.error).toMatchObject({ code: "GONE", message: expect.stringContaining("Legal request #12") });
    await request(app).get(`/api/snapshots/${body.id}/export?format=gexf`).expect(410);
    await request(app).get(`/api/snapshots/${body.id}/live`).expect(410);
    const after = await request(app).get("/api/snapshots?limit=100").expect(200);
    expect(after.body.snapshots.map((s: { id: string }) => s.id)).not.toContain(body.id);
    const payload = await db.read(
      "MATCH (s:Snapshot {id: $id}) RETURN s.payload AS p, count{(s)-[:SHOWS]->()} AS links",
      { id: body.id },
      (r) => [r.get("p"), Number(r.get("links"))],
    );
    expect(payload[0]).toEqual([null, 0]);
    // Sharing the same view again does not bring it back.
    await request(app)
      .post("/api/snapshots")
      .send({ ...view, title: "To take down" })
      .expect(410);
    await request(app).get("/api/graph").expect(200);
    await request(app).get("/api/snapshots/0123456789abcdef0123").expect(404);
    await request(app).get("/api/snapshots/not-an-id").expect(400);
  });

  it("should export GEXF and GraphML that parse back to the same nodes, edges and attributes", async () => {
    const { body } = await request(app)
      .post("/api/snapshots")
      .send({ ...view, title: "Export me" })
      .expect(201);
    const stored = (await request(app).get(`/api/snapshots/${body.id}`).expect(200)).body as Body;
    for (const { format, parse, flatten } of [
      { format: "gexf", parse: parseGexf, flatten: gexfAttributes },
      { format: "graphml", parse: parseGraphml, flatten: graphmlAttributes },
    ]) {
      const res = await request(app)
        .get(`/api/snapshots/${body.id}/export?format=${format}`)
        .buffer(true)
        .parse(asText)
        .expect(200);
      expect(res.headers["content-disposition"]).toContain(`.${format}`);
      const graph = parse(Graph, res.body as string);
      expect(graph.order).toBe(stored.graph.nodes.length);
      expect(graph.size).toBe(stored.graph.edges.length);
      for (const node of stored.graph.nodes)
        expect(graph.getNodeAttributes(node.key), `${format} node ${node.key}`).toEqual(flatten(node.attributes));
      for (const edge of stored.graph.edges as {
        key: string;
        source: string;
        target: string;
        attributes: Record<string, unknown>;
      }[]) {
        expect(graph.source(edge.key)).toBe(edge.source);
        expect(graph.target(edge.key)).toBe(edge.target);
        expect(graph.getEdgeAttributes(edge.key), `${format} edge ${edge.key}`).toEqual(flatten(edge.attributes));
      }
      // Evidence travels as an attribute.
      expect(res.body).toContain("evidence");
    }
    const json = await request(app).get(`/api/snapshots/${body.id}/export?format=json`).expect(200);
    expect(json.body.nodes).toEqual(stored.graph.nodes);
    const nodesCsv = await request(app)
      .get(`/api/snapshots/${body.id}/export?format=csv&part=nodes`)
      .buffer(true)
      .parse(asText)
      .expect(200);
    const lines = (nodesCsv.body as string).trim().split("\r\n");
    expect(lines[0]!.startsWith("key,")).toBe(true);
    expect(lines.length).toBe(stored.graph.nodes.length + 1);
    const edgesCsv = await request(app)
      .get(`/api/snapshots/${body.id}/export?format=csv&part=edges`)
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect((edgesCsv.body as string).split("\r\n")[0]).toMatch(/^key,source,target,undirected,/);
  });

  it("should let only the embed page be framed", async () => {
    const { app: framed } = createTestApp(db, { PARLEY_EMBED_FRAME_ANCESTORS: "https://example.org" });
    const api = await request(framed).get("/api/health");
    expect(api.headers["x-frame-options"]).toBe("DENY");
    expect(frameAncestors(api.headers["content-security-policy"])).toBe("frame-ancestors 'none'");
    const page = await request(framed).get("/s/0123456789abcdef0123");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    const embed = await request(framed).get("/s/0123456789abcdef0123?embed=1");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    expect(frameAncestors(embed.headers["content-security-policy"])).toBe("frame-ancestors https://example.org");
  });
});

/** The `frame-ancestors` directive of a CSP header (other middleware adds the other directives). */
function frameAncestors(csp: string | undefined): string | undefined {
  return csp
    ?.split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("frame-ancestors"));
}

/** supertest keeps XML and CSV bodies as text with this parser. */
const asText = textParser as unknown as Parameters<request.Test["parse"]>[0];
function textParser(
  res: NodeJS.ReadableStream & { setEncoding(e: string): void },
  callback: (error: Error | null, body: string) => void,
) {
  let text = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => (text += chunk));
  res.on("end", () => callback(null, text));
}
