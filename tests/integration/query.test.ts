/**
 * Safe Cypher console: result mapping, attack queries (rejected, nothing written), timeout, row cap, rate limit
 * and saved questions, on the real Neo4j with the seed dataset.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { ReadOnlyError } from "../../server/errors.js";
import { planQuery, runQuery } from "../../server/modules/query/query.repository.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

type Counts = Awaited<ReturnType<typeof readCounts>>;

describe("query #console", () => {
  let db: Database;
  let app: ReturnType<typeof createTestApp>["app"];
  let before: Counts;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset());
    app = createTestApp(db, { PARLEY_QUERY_RATE_PER_MINUTE: "100000" }).app;
    before = await readCounts(db);
  });
  afterAll(async () => db.close());

  const run = (query: string, params: Record<string, unknown> = {}) =>
    request(app).post("/api/query").send({ query, params });

  describe("results mapping", () => {
    it("should map nodes and relationships to the explorer's shape keyed by application ids", async () => {
      const res = await run(
        "MATCH (a:Person {id: 'hassan-rouhani'})-[r:MET]-(b) RETURN a, r, b, a.name AS name",
      ).expect(200);
      expect(res.body.columns).toEqual(["a", "r", "b", "name"]);
      const [a, r, b, name] = res.body.rows[0];
      expect(a).toMatchObject({
        "@type": "node",
        key: "hassan-rouhani",
        labels: expect.arrayContaining(["Person", "Entity"]),
      });
      expect(a.properties.name).toBe(name);
      expect(r).toMatchObject({ "@type": "relationship", type: "MET" });
      expect([r.source, r.target].sort()).toEqual(["hassan-rouhani", b.key].sort());
      expect(r.key).toBe(`met:${["hassan-rouhani", b.key].sort().join("|")}`);
      const node = res.body.graph.nodes.find((n: { key: string }) => n.key === "hassan-rouhani");
      expect(node.attributes).toMatchObject({
        label: "Hassan Rouhani",
        category: "person",
        kind: "person",
        degree: expect.any(Number),
      });
      expect(node.attributes.type).toBeUndefined();
      expect(res.body.graph.edges[0]).toMatchObject({
        key: r.key,
        attributes: { kind: "met", weight: expect.any(Number) },
      });
      expect(res.body).toMatchObject({
        truncated: false,
        elapsedMs: expect.any(Number),
        notifications: expect.any(Array),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/elementId|"identity"|4:[0-9a-f-]{36}:\d+/);
    });

    it("should draw the meetings among the people a question returns, apart from what it returned", async () => {
      const res = await run("MATCH (p:Person) RETURN p ORDER BY p.id").expect(200);
      const { nodes, edges } = res.body.graph as {
        nodes: { key: string; attributes: { degree: number } }[];
        edges: { source: string; target: string; attributes: { kind: string; among?: boolean } }[];
      };
      // Only nodes were returned: every edge is a link among them, drawn so the people appear as a network.
      expect(res.body.rows.flat().every((cell: { "@type": string }) => cell["@type"] === "node")).toBe(true);
      expect(edges.length).toBeGreaterThan(5);
      const keys = new Set(nodes.map((n) => n.key));
      for (const edge of edges) {
        expect(edge.attributes).toMatchObject({ kind: "met", among: true });
        expect(keys.has(edge.source) && keys.has(edge.target)).toBe(true);
      }
      const rouhani = nodes.find((n) => n.key === "hassan-rouhani")!;
      expect(rouhani.attributes.degree).toBe(
        edges.filter((e) => e.source === "hassan-rouhani" || e.target === "hassan-rouhani").length,
      );
      expect(rouhani.attributes.degree).toBeGreaterThan(0);
    });

    it("should map paths and fetch the end nodes of bare relationships", async () => {
      const path = await run(
        "MATCH p = (:Person {id: 'hassan-rouhani'})-[:PARTICIPATED_IN]->(e:Event {kind: 'meeting'}) RETURN p",
      ).expect(200);
      const cell = path.body.rows[0][0];
      expect(cell).toMatchObject({
        "@type": "path",
        length: 1,
        nodes: ["hassan-rouhani", expect.stringMatching(/^evt-/)],
      });
      expect(path.body.graph.edges.map((e: { key: string }) => e.key)).toContain(cell.relationships[0]);

      const bare = await run("MATCH (:Person {id: 'hassan-rouhani'})-[r:PARTICIPATED_IN]->() RETURN r").expect(200);
      const keys = new Set(bare.body.graph.nodes.map((n: { key: string }) => n.key));
      expect(keys.has("hassan-rouhani")).toBe(true);
      for (const row of bare.body.rows) {
        expect(row[0].source).toBe("hassan-rouhani");
        expect(keys.has(row[0].target)).toBe(true);
      }
    });

    it("should key nodes without an id property by a stable hash", async () => {
      const first = await run("MATCH (e:Evidence) RETURN e ORDER BY e.id LIMIT 1").expect(200);
      expect(first.body.rows[0][0].key).toEqual(expect.any(String));
      const anon = "UNWIND [1, 2] AS i WITH i MATCH (t:Topic {id: 'topic-trade'}) RETURN {n: t} AS m";
      const a = await run(anon).expect(200);
      expect(a.body.rows[0][0].n.key).toBe("topic-trade");
      // Relationship-less virtual data is not nodes; a hashed key appears only for stored nodes without an id.
      const b = await run("MATCH (q:Quantity) RETURN q LIMIT 1").expect(200);
      expect(b.body.rows[0][0].key).toEqual(expect.any(String));
    });

    it("should turn temporals into ISO strings and big integers into strings", async () => {
      const res = await run(
        "RETURN date('2018-01-21') AS d, datetime('2018-01-21T10:00:00Z') AS dt, datetime() AS now, localtime('12:30') AS t, duration('P1D') AS dur, 9007199254740993 AS big, 42 AS small, 1.5 AS f, [1, 'x', null] AS list, {a: date('2020-02-02'), b: {c: 9007199254740993}} AS map, true AS yes",
      ).expect(200);
      const [d, dt, now, t, dur, big, small, f, list, map, yes] = res.body.rows[0];
      expect(d).toBe("2018-01-21");
      expect(dt).toMatch(/^2018-01-21T10:00:00(\.0+)?Z$/);
      expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(t).toMatch(/^12:30/);
      expect(dur).toMatch(/^P(0M)?1DT/);
      expect(big).toBe("9007199254740993");
      expect(small).toBe(42);
      expect(f).toBe(1.5);
      expect(list).toEqual([1, "x", null]);
      expect(map).toEqual({ a: "2020-02-02", b: { c: "9007199254740993" } });
      expect(yes).toBe(true);
    });

    it("should pass whole-number parameters as integers and allow the listed procedures", async () => {
      const res = await run("MATCH (n:Person) RETURN n.id AS id ORDER BY id LIMIT $n", { n: 3 }).expect(200);
      expect(res.body.rows).toHaveLength(3);
      const labels = await run("CALL db.labels() YIELD label RETURN label").expect(200);
      expect(labels.body.rows.flat()).toContain("Person");
      const search = await run(
        "CALL db.index.fulltext.queryNodes('entity_names', 'Rouhani') YIELD node RETURN node.id AS id",
      ).expect(200);
      expect(search.body.rows.flat()).toContain("hassan-rouhani");
    });

    it("should list the live schema for completion", async () => {
      const res = await request(app).get("/api/query/schema").expect(200);
      expect(res.body.labels).toContain("Person");
      expect(res.body.relationshipTypes).toContain("PARTICIPATED_IN");
      expect(res.body.propertyKeys).toContain("name");
    });
  });

  describe("errors", () => {
    it("should return Neo4j's syntax error with the line and column as written", async () => {
      const res = await run("MATCH (n)\nRETRUN n").expect(400);
      expect(res.body.error.code).toBe("CYPHER_ERROR");
      expect(res.body.error.details.position).toMatchObject({ line: 2, column: 1 });
      expect(res.body.error.message).toMatch(/RETRUN/);
      expect(res.body.error.message).toContain("line 2, column 1");
    });

    it("should report an unknown function as a Cypher error", async () => {
      const res = await run("RETURN nosuch.fn(1) AS x").expect(400);
      expect(res.body.error.code).toBe("CYPHER_ERROR");
      expect(res.body.error.message).toMatch(/nosuch\.fn/i);
    });

    it("should refuse non-JSON and oversize bodies", async () => {
      await request(app).post("/api/query").set("Content-Type", "text/plain").send("RETURN 1").expect(415);
      const huge = await run(`RETURN '${"x".repeat(70_000)}' AS s`);
      expect(huge.status).toBe(413);
    });
  });

  describe("attack queries", () => {
    const attacks: { name: string; query: string; code?: string; params?: Record<string, unknown> }[] = [
      { name: "CREATE", query: "CREATE (:Person {id: 'mallory', name: 'Mallory'})", code: "READ_ONLY" },
      { name: "MERGE", query: "MERGE (n:Person {id: 'mallory'}) RETURN n", code: "READ_ONLY" },
      {
        name: "SET",
        query: "MATCH (n:Person {id: 'hassan-rouhani'}) SET n.name = 'Mallory' RETURN n",
        code: "READ_ONLY",
      },
      { name: "SET label", query: "MATCH (n:Person) SET n:Hacked", code: "READ_ONLY" },
      { name: "DELETE", query: "MATCH (e:Evidence) DELETE e", code: "READ_ONLY" },
      { name: "DETACH DELETE", query: "MATCH (n) DETACH DELETE n", code: "READ_ONLY" },
      { name: "REMOVE", query: "MATCH (n:Person) REMOVE n.name", code: "READ_ONLY" },
      {
        name: "FOREACH with writes",
        query: "MATCH (n:Person) FOREACH (x IN [1] | SET n.hacked = true)",
        code: "READ_ONLY",
      },
      {
        name: "LOAD CSV from file",
        query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        code: "READ_ONLY",
      },
      {
        name: "LOAD CSV from http",
        query: "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row CREATE (:X {v: row.v})",
        code: "READ_ONLY",
      },
      { name: "CALL dbms.*", query: "CALL dbms.listConfig() YIELD name RETURN name", code: "PROCEDURE_NOT_ALLOWED" },
      {
        name: "CALL dbms security",
        query: "CALL dbms.security.createUser('mallory', 'secret', false)",
        code: "PROCEDURE_NOT_ALLOWED",
      },
      { name: "CALL db.createLabel", query: "CALL db.createLabel('Hacked')", code: "PROCEDURE_NOT_ALLOWED" },
      { name: "CALL db.createProperty", query: "CALL db.createProperty('hacked')", code: "PROCEDURE_NOT_ALLOWED" },
      {
        name: "backticked procedure",
        query: "CALL `db`.`createRelationshipType`('HACKED')",
        code: "PROCEDURE_NOT_ALLOWED",
      },
      {
        name: "apoc",
        query: "CALL apoc.create.node(['Hacked'], {}) YIELD node RETURN node",
        code: "PROCEDURE_NOT_ALLOWED",
      },
      { name: "CREATE INDEX", query: "CREATE INDEX hacked FOR (n:Person) ON (n.hacked)", code: "READ_ONLY" },
      { name: "DROP INDEX", query: "DROP INDEX entityNames", code: "READ_ONLY" },
      { name: "CREATE DATABASE", query: "CREATE DATABASE hacked", code: "READ_ONLY" },
      { name: "USE system", query: "USE system SHOW USERS", code: "READ_ONLY" },
      { name: "USE in subquery", query: "CALL { USE neo4j MATCH (n) RETURN n } RETURN n", code: "READ_ONLY" },
      { name: "multiple statements", query: "MATCH (n) RETURN count(n); CREATE (:Hacked)", code: "READ_ONLY" },
      {
        name: "statements hidden after a comment",
        query: "RETURN 1 // harmless\n; MATCH (n) DETACH DELETE n",
        code: "READ_ONLY",
      },
      {
        name: "keyword after a block comment",
        query: "MATCH (n:Person) /* read only */ SET n.x = 1",
        code: "READ_ONLY",
      },
      { name: "keyword after a unicode space", query: "MATCH (n:Person)\u00a0SET\u2003n.x = 1", code: "READ_ONLY" },
      { name: "full-width keyword", query: "MATCH (n:Person) ＳＥＴ n.x = 1" },
      { name: "keyword split by a zero-width space", query: "CRE\u200bATE (:Hacked)" },
      { name: "lower-case keyword", query: "match (n) detach delete n", code: "READ_ONLY" },
      {
        name: "CALL {} IN TRANSACTIONS",
        query: "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
        code: "READ_ONLY",
      },
      {
        name: "IN TRANSACTIONS with a read",
        query: "UNWIND [1] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y",
        code: "READ_ONLY",
      },
      { name: "enormous literal with a write", query: `CREATE (:Hacked {s: '${"A".repeat(30_000)}'})` },
      {
        name: "enormous literal list",
        query: `RETURN [${Array.from({ length: 9_000 }, (_, i) => i).join(",")}] AS xs`,
      },
      {
        name: "write through parameters",
        query: "MATCH (n:Person {id: $id}) SET n += $props",
        params: { id: "hassan-rouhani", props: { name: "Mallory" } },
        code: "READ_ONLY",
      },
      { name: "GRANT", query: "GRANT ROLE admin TO neo4j", code: "READ_ONLY" },
      { name: "SHOW TRANSACTIONS", query: "SHOW TRANSACTIONS", code: "READ_ONLY" },
      { name: "TERMINATE", query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", code: "READ_ONLY" },
      { name: "PROFILE prefix", query: "PROFILE MATCH (n) DETACH DELETE n", code: "READ_ONLY" },
    ];

    it.each(attacks)("should refuse $name and write nothing", async ({ query, code, params }) => {
      const res = await run(query, params ?? {});
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      if (code) expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toEqual(expect.any(String));
      expect(await readCounts(db)).toEqual(before);
    });

    it("should have the plan and the READ transaction refuse writes on their own", async () => {
      // The walls behind the lexer: EXPLAIN's query type, then the READ access mode of the transaction.
      expect((await planQuery(db, "CREATE (:Hacked)", {}, 5_000)).queryType).not.toBe("r");
      expect((await planQuery(db, "MERGE (n:Person {id: 'x'}) RETURN n", {}, 5_000)).queryType).not.toBe("r");
      expect((await planQuery(db, "MATCH (n:Person) RETURN n", {}, 5_000)).queryType).toBe("r");
      const plan = await planQuery(db, "CALL db.createLabel('Hacked')", {}, 5_000);
      expect(plan.procedures).toContain("db.createLabel");
      await expect(runQuery(db, "CREATE (:Hacked)", {}, { timeoutMs: 5_000, maxRows: 10 })).rejects.toBeInstanceOf(
        ReadOnlyError,
      );
      expect(await readCounts(db)).toEqual(before);
    });
  });

  describe("bounds", () => {
    it("should stop a runaway query with QUERY_TIMEOUT and stay responsive", async () => {
      const { app: slow } = createTestApp(db, {
        PARLEY_QUERY_TIMEOUT_MS: "1000",
        PARLEY_QUERY_RATE_PER_MINUTE: "1000",
      });
      const started = Date.now();
      const res = await request(slow)
        .post("/api/query")
        .send({ query: "UNWIND range(1, 100000000) AS x WITH x WHERE x = -1 RETURN x" });
      expect([408, 504]).toContain(res.status);
      expect(res.body.error.code).toBe("QUERY_TIMEOUT");
      expect(Date.now() - started).toBeLessThan(6_000);
      const ok = await request(slow).post("/api/query").send({ query: "RETURN 1 AS one" }).expect(200);
      expect(ok.body.rows).toEqual([[1]]);
    });

    it("should answer others while a runaway query runs", async () => {
      const { app: slow } = createTestApp(db, {
        PARLEY_QUERY_TIMEOUT_MS: "2000",
        PARLEY_QUERY_RATE_PER_MINUTE: "1000",
      });
      const answered: string[] = [];
      const runaway = request(slow)
        .post("/api/query")
        .send({ query: "UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN x" })
        .then((r) => {
          answered.push("runaway");
          return r;
        });
      await request(slow).post("/api/query").send({ query: "RETURN 2 AS two" }).expect(200);
      answered.push("quick");
      expect((await runaway).body.error.code).toBe("QUERY_TIMEOUT");
      // The quick query was answered while the runaway one still ran (it answers only at its time-out).
      expect(answered).toEqual(["quick", "runaway"]);
    });

    it("should cap the rows and say so", async () => {
      const { app: capped } = createTestApp(db, { PARLEY_QUERY_MAX_ROWS: "50", PARLEY_QUERY_RATE_PER_MINUTE: "1000" });
      const res = await request(capped)
        .post("/api/query")
        .send({ query: "UNWIND range(1, 100000) AS x RETURN x" })
        .expect(200);
      expect(res.body.rows).toHaveLength(50);
      expect(res.body.truncated).toBe(true);
      const exact = await request(capped)
        .post("/api/query")
        .send({ query: "UNWIND range(1, 50) AS x RETURN x" })
        .expect(200);
      expect(exact.body.truncated).toBe(false);
    });

    it("should default to 1000 rows", async () => {
      const res = await run("UNWIND range(1, 5000) AS x RETURN x").expect(200);
      expect(res.body.rows).toHaveLength(1000);
      expect(res.body.truncated).toBe(true);
    });

    it("should rate-limit a client with 429 and Retry-After", async () => {
      const { app: limited } = createTestApp(db, { PARLEY_QUERY_RATE_PER_MINUTE: "3" });
      for (let i = 0; i < 3; i++)
        await request(limited).post("/api/query").send({ query: "RETURN 1 AS x" }).expect(200);
      const res = await request(limited).post("/api/query").send({ query: "RETURN 1 AS x" }).expect(429);
      expect(res.body.error.code).toBe("RATE_LIMITED");
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    });
  });

  describe("saved questions", () => {
    it("should list at least seven plain-language questions with typed parameters", async () => {
      const res = await request(app).get("/api/saved").expect(200);
      expect(res.body.questions.length).toBeGreaterThanOrEqual(7);
      for (const q of res.body.questions) {
        expect(q.title).toMatch(/\?$/);
        expect(q.description.length).toBeGreaterThan(10);
        for (const p of q.params)
          expect(p).toMatchObject({ name: expect.any(String), type: expect.any(String), label: expect.any(String) });
      }
      const who = res.body.questions.find((q: { name: string }) => q.name === "who-met-actor-between-dates");
      expect(who.params.map((p: { name: string }) => p.name)).toEqual(["actor", "from", "to"]);
      expect(who.params[0].default).toBe("hassan-rouhani");
    });

    it("should run each saved question with its defaults and return rows", async () => {
      const list = await request(app).get("/api/saved").expect(200);
      for (const q of list.body.questions as { name: string }[]) {
        const res = await request(app).post(`/api/saved/${q.name}/run`).send({ params: {} });
        expect(res.status, `${q.name}: ${JSON.stringify(res.body.error)}`).toBe(200);
        expect(res.body.rows.length, q.name).toBeGreaterThan(0);
        expect(res.body.graph.nodes.length, q.name).toBeGreaterThan(0);
      }
      expect(await readCounts(db)).toEqual(before);
    });

    it("should use given parameters and refuse bad ones", async () => {
      const res = await request(app)
        .post("/api/saved/who-met-actor-between-dates/run")
        .send({ params: { actor: "khalaf-khalafov", from: "2023-01-01", to: "2023-12-31" } })
        .expect(200);
      expect(res.body.rows.map((r: unknown[]) => r[0])).toEqual(expect.arrayContaining(["Ebrahim Raisi"]));
      const bad = await request(app)
        .post("/api/saved/who-met-actor-between-dates/run")
        .send({ params: { from: "yesterday" } })
        .expect(400);
      expect(bad.body.error.code).toBe("VALIDATION_ERROR");
      await request(app).post("/api/saved/no-such-question/run").send({}).expect(404);
    });
  });
});
