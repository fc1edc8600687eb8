/**
 * Hostile input: random and malicious values thrown at every endpoint (fast-check, a fixed seed and a random one).
 * Every answer is 2xx or 4xx — never a 5xx, never a hang — and reads leave the database's counts unchanged.
 */
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

/** Strings that have broken servers before: injections, traversal, huge numbers, odd unicode. */
const nasty = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    '" } RETURN 1 //',
    "MATCH (n) DETACH DELETE n",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "9".repeat(400),
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "[]",
    "{}",
    "null",
    "true",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "Çavuşoğlu",
    "*",
    "?",
    "~",
    "AND OR NOT",
    "a:b:c",
    " ",
    "",
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const graphParams = ["view", "kinds", "eventKinds", "topics", "countries", "roles", "from", "to", "limit", "community"];
const listParams = ["limit", "offset", "q", "max", "from", "to"];

/** A random read request: one GET route with random ids and query parameters. */
const readRequest = fc.oneof(
  fc.record({
    path: fc.constant("/api/graph"),
    query: fc.dictionary(fc.constantFrom(...graphParams), nasty, { maxKeys: 4 }),
  }),
  fc.record({
    path: fc.constant("/api/timeline"),
    query: fc.dictionary(fc.constantFrom(...graphParams), nasty, { maxKeys: 4 }),
  }),
  fc.record({ path: nasty.map((id) => `/api/nodes/${encodeURIComponent(id)}`), query: fc.constant({}) }),
  fc.record({
    path: nasty.map((id) => `/api/nodes/${encodeURIComponent(id)}/neighbors`),
    query: fc.dictionary(fc.constantFrom(...listParams), nasty, { maxKeys: 3 }),
  }),
  fc.record({
    path: fc.constant("/api/search"),
    query: fc.dictionary(fc.constantFrom("q", "limit"), nasty, { maxKeys: 2 }),
  }),
  fc.record({ path: fc.constant("/api/path"), query: fc.record({ from: nasty, to: nasty }) }),
  fc.record({ path: nasty.map((id) => `/api/events/${encodeURIComponent(id)}`), query: fc.constant({}) }),
  fc.record({
    path: fc.tuple(nasty, nasty).map(([a, b]) => `/api/edges/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
    query: fc.constant({}),
  }),
  fc.record({ path: nasty.map((id) => `/api/articles/${encodeURIComponent(id)}`), query: fc.constant({}) }),
  fc.record({ path: nasty.map((id) => `/api/snapshots/${encodeURIComponent(id)}`), query: fc.constant({}) }),
  fc.record({
    path: fc.constant("/api/snapshots"),
    query: fc.dictionary(fc.constantFrom("limit"), nasty, { maxKeys: 1 }),
  }),
);

/** A random body for the POST routes that do not write (console, previews) or that must refuse it. */
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        nasty,
        fc.constantFrom("query", "params", "graph", "nodes", "edges", "articles", "text", "format", "version"),
      ),
      tie("value"),
      { maxKeys: 4 },
    ),
  ),
})).value;

const postRequest = fc.oneof(
  fc.record({ path: fc.constant("/api/query"), body: fc.oneof(jsonish, fc.record({ query: nasty, params: jsonish })) }),
  fc.record({
    path: fc.constant("/api/articles/preview"),
    body: fc.oneof(jsonish, fc.record({ articles: fc.array(fc.record({ text: nasty }), { maxLength: 2 }) })),
  }),
  fc.record({
    path: fc.constant("/api/snapshots"),
    body: fc.oneof(jsonish, fc.record({ title: nasty, graph: jsonish, state: jsonish })),
  }),
  fc.record({ path: fc.constant("/api/import"), body: jsonish }),
);

const FIXED_SEED = 20261124;

describe("fuzz #every endpoint", () => {
  let db: Database;
  let app: ReturnType<typeof createTestApp>["app"];
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset());
    // Rate limits lifted explicitly: the fuzzer is one fast client.
    app = createTestApp(db, { PARLEY_QUERY_RATE_PER_MINUTE: "100000", PARLEY_RATE_LIMIT_PER_MINUTE: "100000" }).app;
  });
  afterAll(async () => db.close());

  for (const seed of [FIXED_SEED, Date.now() % 2_147_483_647]) {
    it(`should answer random reads with 2xx/4xx and change nothing (seed ${seed})`, async () => {
      const before = await readCounts(db);
      await fc.assert(
        fc.asyncProperty(readRequest, async ({ path, query }) => {
          const res = await request(app).get(path).query(query).timeout(20_000);
          expect(res.status, `${path} ${JSON.stringify(query)} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(
            500,
          );
          if (res.status >= 400) expect(res.body.error?.code).toBeTypeOf("string");
        }),
        { seed, numRuns: 150 },
      );
      expect(await readCounts(db)).toEqual(before);
    });

    it(`should answer random bodies with 2xx/4xx and never a 5xx (seed ${seed})`, async () => {
      const before = await readCounts(db);
      await fc.assert(
        fc.asyncProperty(postRequest, async ({ path, body }) => {
          const res = await request(app)
            .post(path)
            .send(body as object)
            .set("Content-Type", "application/json")
            .timeout(20_000);
          expect(
            res.status,
            `${path} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${res.text.slice(0, 200)}`,
          ).toBeLessThan(500);
        }),
        { seed, numRuns: 100 },
      );
      const after = await readCounts(db);
      // Only snapshots and (loopback) imports may write; every other count stays as it was.
      const { Snapshot: _a, ...beforeRest } = before.labels;
      const { Snapshot: _b, ...afterRest } = after.labels;
      expect(Object.keys(afterRest).sort()).toEqual(Object.keys(beforeRest).sort());
    });
  }
});
