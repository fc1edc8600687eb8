/**
 * Import
 * ======
 *
 * The seed dataset loads and reloads with the same counts, through `loadImportFile` and `POST /api/import`; bad
 * input of every kind is rejected with a message naming where and what, and leaves the database exactly as it was;
 * writes come only from loopback clients (or with the admin token).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { isLoopbackAddress } from "../../server/http/access.js";
import { readCsvFolder } from "../../server/modules/ingest/import.csv.js";
import type { ImportIssue } from "../../server/modules/ingest/import.validate.js";
import { readCounts } from "../../server/db/counts.js";
import { ImportValidationError } from "../../server/errors.js";
import { loadImportFile } from "../helpers/load.js";
import { SEEDS_DIR, createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";
import { generateSynthetic } from "../bench/synthetic.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));

/** A small valid import (invented data); each bad case below breaks one thing in it. */
function validFile(): {
  nodes: Record<string, unknown>[];
  articles: Record<string, unknown>[];
  [key: string]: unknown;
} {
  // Loosely typed on purpose: the cases below break it in ways the import types forbid.
  return {
    format: "parley-import",
    version: 1,
    articles: [{ id: "fx-import-article", title: "Invented article", text: "Alpha met Beta.\nThey talked.\n" }],
    nodes: [
      { id: "fx-alpha", type: "person", name: "Alpha Fixture" },
      { id: "fx-beta", type: "person", name: "Beta Fixture" },
      { id: "fx-org-a", type: "organization", name: "Org A" },
      { id: "fx-org-b", type: "organization", name: "Org B", partOf: "fx-org-a" },
      {
        id: "fx-evt-meeting",
        type: "event",
        kind: "meeting",
        name: "Alpha meets Beta",
        date: "2020-05-04",
        participants: [
          { actor: "fx-alpha", role: "host" },
          { actor: "fx-beta", role: "guest" },
        ],
        evidence: [{ article: "fx-import-article", paragraph: 0, start: 0, end: 15 }],
      },
    ],
  };
}

type Mutate = (file: ReturnType<typeof validFile>) => unknown;

/** Bad inputs: what is wrong, and the path and message the rejection must name. */
const BAD_INPUTS: { name: string; make: Mutate; path: string | RegExp; message: RegExp }[] = [
  {
    name: "a node without an id",
    make: (f) => (delete f.nodes[0]!.id, f),
    path: "$.nodes[0].id",
    message: /required|missing/,
  },
  {
    name: "a dangling reference",
    make: (f) => ((f.nodes[4]!.participants = [{ actor: "fx-alpah", role: "host" }]), f),
    path: "$.nodes[4].participants[0].actor",
    message: /no node with id "fx-alpah" \(did you mean "fx-alpha"\?\)/,
  },
  {
    name: "a duplicate id",
    make: (f) => (f.nodes.push({ id: "fx-alpha", type: "person", name: "Alpha again" }), f),
    path: "$.nodes[5].id",
    message: /duplicate id "fx-alpha"/,
  },
  {
    name: "an unknown node type",
    make: (f) => ((f.nodes[0]!.type = "nation"), f),
    path: "$.nodes[0].type",
    message: /type must be one of person/,
  },
  {
    name: "a date that is not a calendar date",
    make: (f) => ((f.nodes[4]!.date = "2023-02-30"), f),
    path: "$.nodes[4].date",
    message: /not a real calendar date/,
  },
  {
    name: "a date in the wrong form",
    make: (f) => ((f.nodes[4]!.date = "04/05/2020"), f),
    path: "$.nodes[4].date",
    message: /YYYY, YYYY-MM or YYYY-MM-DD/,
  },
  {
    name: "a value of the wrong type",
    make: (f) => ((f.nodes[1]!.name = 42), f),
    path: "$.nodes[1].name",
    message: /expected string/i,
  },
  {
    name: "an unknown kind spelling (kinds are lower-case words)",
    make: (f) => ((f.nodes[4]!.kind = "Meeting!"), f),
    path: "$.nodes[4].kind",
    message: /lower-case word/,
  },
  {
    name: "a 10 MB string",
    make: (f) => ((f.nodes[0]!.name = "x".repeat(10 * 1024 * 1024)), f),
    path: "$.nodes[0].name",
    message: /500/,
  },
  {
    name: "a partOf cycle",
    make: (f) => ((f.nodes[2]!.partOf = "fx-org-b"), f),
    path: /^\$\.nodes\[[23]\]\.partOf$/,
    message: /partOf forms a cycle/,
  },
  {
    name: "evidence offsets beyond the article text",
    make: (f) => ((f.nodes[4]!.evidence = [{ article: "fx-import-article", start: 0, end: 5_000 }]), f),
    path: "$.nodes[4].evidence[0].end",
    message: /offset 5000 is beyond the end of article "fx-import-article" \(29 characters\)/,
  },
  {
    name: "evidence end before start",
    make: (f) => ((f.nodes[4]!.evidence = [{ article: "fx-import-article", start: 10, end: 2 }]), f),
    path: "$.nodes[4].evidence[0].end",
    message: /end offset must not be before its start/,
  },
  {
    name: "a citation of an unknown article",
    make: (f) => ((f.nodes[4]!.evidence = [{ article: "fx-import-articel", start: 0, end: 2 }]), f),
    path: "$.nodes[4].evidence[0].article",
    message: /no article with id "fx-import-articel"/,
  },
  {
    name: "a wrong format marker",
    make: (f) => ({ ...f, format: "gephi" }),
    path: "$.format",
    message: /format must be "parley-import"/,
  },
  {
    name: "an array instead of an object",
    make: (f) => f.nodes,
    path: "$",
    message: /expected a JSON object/,
  },
  {
    name: "an empty document",
    make: () => null,
    // loadImportFile sees a null document ($); the API sees an empty body (body:1:1).
    path: /^(\$|body:1:1)$/,
    message: /empty/,
  },
];

function expectIssue(issues: ImportIssue[], where: string | RegExp, message: RegExp): void {
  const hit = issues.find((i) => (typeof where === "string" ? i.path === where : where.test(i.path)));
  expect(hit, `no issue at ${String(where)} in ${JSON.stringify(issues.slice(0, 5)).slice(0, 500)}`).toBeDefined();
  expect(hit!.message).toMatch(message);
}

/** An app in front of the real one that makes every request look as if it came from `address`. */
function fromAddress(app: Express, address: string): Express {
  const outer = express();
  outer.use((req, _res, next) => {
    Object.defineProperty(req.socket, "remoteAddress", { value: address, configurable: true });
    next();
  });
  outer.use(app);
  return outer;
}

describe("import #seed", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  it("should load the seed dataset, and load it again (through the API) with the same counts", async () => {
    const first = await loadImportFile(db, seedDataset(), { articlesDir: SEEDS_DIR });
    expect(first.nodes).toBeGreaterThan(100);
    const after1 = await readCounts(db);
    expect(after1.labels.Person).toBe(13);
    expect(after1.relationships.MET).toBeGreaterThan(0);

    const { app } = createTestApp(db);
    const res = await request(app)
      .post("/api/import")
      .set("Content-Type", "application/json")
      .send(JSON.stringify(seedDataset()))
      .expect(200);
    expect(res.body).toMatchObject({
      nodes: first.nodes,
      roles: first.roles,
      quantities: first.quantities,
      evidence: first.evidence,
    });
    expect(await readCounts(db)).toEqual(after1);

    await loadImportFile(db, seedDataset(), { articlesDir: SEEDS_DIR });
    expect(await readCounts(db)).toEqual(after1);
  });

  it("should leave Neo4j's index statistics up to date after a big import, so reads are planned for the new data", async () => {
    // A synthetic file of a few thousand rows on top of the seed: without a refresh, the samples would still
    // describe the database before it (the seed alone is too small for stale plans to matter, and keeps them).
    await loadImportFile(db, generateSynthetic({ actors: 100, events: 250, seed: 5 }));
    const [entities] = await db.read("MATCH (n:Entity) RETURN count(n) AS n", {}, (r) => Number(r.get("n")));
    const [sample] = await db.read(
      `CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
       UNWIND data.indexes AS index
       WITH index WHERE index.labels = ['Entity'] AND index.properties = ['id']
       RETURN index.estimatedUniqueSize AS estimated, index.updatesSinceEstimation AS updates`,
      {},
      (r) => ({ estimated: Number(r.get("estimated")), updates: Number(r.get("updates")) }),
    );
    expect(entities).toBeGreaterThan(300);
    expect(sample).toEqual({ estimated: entities, updates: 0 });
  });

  it("should publish the import format as JSON Schema", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/import/schema").expect(200);
    expect(res.body.title).toBe("Parley import file");
    expect(res.body.properties.nodes.type).toBe("array");
    expect(res.body.required).toEqual(expect.arrayContaining(["format", "version"]));
  });
});

describe("import #bad-input", () => {
  let db: Database;
  let app: Express;
  let baseline: Awaited<ReturnType<typeof readCounts>>;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset(), { articlesDir: SEEDS_DIR });
    baseline = await readCounts(db);
    app = createTestApp(db).app;
  });
  afterAll(async () => db.close());

  it("should accept the valid base file used by the bad cases (then remove nothing else)", async () => {
    // The base must be valid, or the cases below would prove nothing.
    const scratch = validFile();
    const { validateImport } = await import("../../server/modules/ingest/import.validate.js");
    expect(validateImport(scratch).ok).toBe(true);
  });

  for (const c of BAD_INPUTS) {
    it(`should reject ${c.name} through loadImportFile and POST /api/import, writing nothing`, async () => {
      const input = c.make(validFile());
      const error = await loadImportFile(db, input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportValidationError);
      expectIssue((error as ImportValidationError).issues, c.path, c.message);
      expect(await readCounts(db)).toEqual(baseline);

      const res = await request(app)
        .post("/api/import")
        .set("Content-Type", "application/json")
        .send(input === null ? "" : JSON.stringify(input));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "VALIDATION_ERROR", requestId: expect.any(String) });
      expect(res.body.error.message).toContain("nothing was written");
      expectIssue(res.body.error.details, c.path, c.message);
      // Messages stay readable even when the input is huge.
      expect(res.body.error.message.length).toBeLessThan(5_000);
      expect(await readCounts(db)).toEqual(baseline);
    });
  }

  it("should reject a body that is not JSON at its line and column", async () => {
    const res = await request(app)
      .post("/api/import")
      .set("Content-Type", "application/json")
      .send('{\n  "format": "parley-import",\n  "nodes": [,]\n}')
      .expect(400);
    // Node 20's JSON.parse does not report a position, so the line is only known on newer runtimes.
    expect(res.body.error.details[0].path).toMatch(/^body:\d+:\d+$/);
    expect(res.body.error.details[0].message).toMatch(/not valid JSON/);
    expect(await readCounts(db)).toEqual(baseline);
  });

  it("should reject an empty body and a wrong content type", async () => {
    const empty = await request(app).post("/api/import").expect(400);
    expect(empty.body.error.details[0].message).toMatch(/empty/);
    const csv = await request(app)
      .post("/api/import")
      .set("Content-Type", "text/csv")
      .send("id,type,name\nalpha,person,Alpha\n")
      .expect(415);
    expect(csv.body.error).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: expect.stringContaining("application/json"),
    });
    expect(await readCounts(db)).toEqual(baseline);
  });

  it("should refuse a body over 50 MB with 413", async () => {
    const res = await request(app)
      .post("/api/import")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ ...validFile(), title: "x".repeat(51 * 1024 * 1024) }))
      .expect(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await readCounts(db)).toEqual(baseline);
  });

  it("should reject CSV folders with a missing header, mixed-up columns or UTF-16, naming file, line and column", async () => {
    const cases: [string, string, RegExp][] = [
      ["csv-header-missing", "nodes.csv:1:1", /header line is missing/],
      ["csv-mixed-columns", "edges.csv:2:2", /columns mixed up/],
      ["csv-utf16", "nodes.csv:1:1", /UTF-16/],
    ];
    for (const [folder, where, message] of cases) {
      const result = await readCsvFolder(path.join(FIXTURES, folder));
      expect(result.ok, folder).toBe(false);
      if (!result.ok) expectIssue(result.errors, where, message);
    }
    expect(await readCounts(db)).toEqual(baseline);
  });

  it("should load the valid base file, then leave counts unchanged on a second load", async () => {
    const summary = await loadImportFile(db, validFile());
    expect(summary).toMatchObject({ nodes: 5, articles: 1, evidence: 1 });
    const once = await readCounts(db);
    expect(once.labels.Person).toBe((baseline.labels.Person ?? 0) + 2);
    await loadImportFile(db, validFile());
    expect(await readCounts(db)).toEqual(once);
  });
});

describe("import #access", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
  });
  afterAll(async () => db.close());

  it("should know which peer addresses are loopback", () => {
    for (const a of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.0.2"]) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["10.0.0.5", "192.168.1.2", "::ffff:10.0.0.5", "2001:db8::1", "", undefined])
      expect(isLoopbackAddress(a), String(a)).toBe(false);
  });

  it("should refuse writes from a non-loopback client with 401, saying a token is needed, and write nothing", async () => {
    const before = await readCounts(db);
    const { app } = createTestApp(db);
    const res = await request(fromAddress(app, "203.0.113.7"))
      .post("/api/import")
      .set("Content-Type", "application/json")
      .send(JSON.stringify(validFile()))
      .expect(401);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
    expect(res.body.error.message).toMatch(/token/i);
    expect(await readCounts(db)).toEqual(before);
    // Reads stay open to everyone.
    await request(fromAddress(app, "203.0.113.7")).get("/api/stats").expect(200);
  });

  it("should require the admin token when one is configured", async () => {
    const before = await readCounts(db);
    const { app } = createTestApp(db, { PARLEY_ADMIN_TOKEN: "fixture-token-123" });
    const body = JSON.stringify(validFile());
    await request(app).post("/api/import").set("Content-Type", "application/json").send(body).expect(401);
    await request(app)
      .post("/api/import")
      .set("Content-Type", "application/json")
      .set("Authorization", "Bearer wrong")
      .send(body)
      .expect(403);
    expect(await readCounts(db)).toEqual(before);
    await request(fromAddress(app, "203.0.113.7"))
      .post("/api/import")
      .set("Content-Type", "application/json")
      .set("Authorization", "Bearer fixture-token-123")
      .send(body)
      .expect(200);
  });
});
