/**
 * Foundation: health, the first graph, and the embedded Neo4j's life cycle (kill → 503 → restart → up).
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import { ROOT_DIR, loadConfig } from "../../server/config.js";
import { Database, createDriver } from "../../server/db/database.js";
import { EmbeddedNeo4j } from "../../server/db/embedded/embedded-neo4j.js";
import { generatePassword } from "../../server/db/embedded/initial-password.js";
import { NEO4J_VERSION } from "../../server/db/embedded/prerequisites.js";
import { createLogger } from "../../server/log.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";

describe("foundation #health and #graph", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset());
  });
  afterAll(async () => db.close());

  it("should report the database up with its Neo4j version", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/health").expect(200);
    expect(res.body).toEqual({
      status: "ok",
      db: "up",
      ready: true,
      bootstrap: "ready",
      neo4j: expect.stringMatching(/^5\.26\.\d+/),
    });
  });

  it("should serve the network in graphology's serialisation format keyed by application ids", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/graph").expect(200);
    const keys = new Set(res.body.nodes.map((n: { key: string }) => n.key));
    expect(keys.has("hassan-rouhani")).toBe(true);
    expect(keys.has("nechirvan-barzani")).toBe(true);
    for (const edge of res.body.edges) {
      expect(keys.has(edge.source)).toBe(true);
      expect(keys.has(edge.target)).toBe(true);
    }
    const met = res.body.edges.find(
      (e: { source: string; target: string; attributes: { kind: string } }) =>
        e.attributes.kind === "met" && [e.source, e.target].sort().join("|") === "hassan-rouhani|nechirvan-barzani",
    );
    expect(met).toBeDefined();
    // Internal Neo4j ids never leave the server.
    expect(JSON.stringify(res.body)).not.toMatch(/elementId|"identity"|4:[0-9a-f-]{36}:\d+/);
  });

  it("should show a write at once in the overview, and answer 304 to a browser that has the current one", async () => {
    const { app } = createTestApp(db);
    const first = await request(app).get("/api/graph").expect(200);
    await request(app).get("/api/graph").set("If-None-Match", first.headers.etag!).expect(304);
    await loadImportFile(db, {
      format: "parley-import",
      version: 1,
      nodes: [{ id: "test-cache-person", type: "person", name: "Cache Test Person" }],
    });
    const second = await request(app).get("/api/graph").set("If-None-Match", first.headers.etag!).expect(200);
    expect(second.body.nodes.map((n: { key: string }) => n.key)).toContain("test-cache-person");
  });

  it("should answer unknown API routes with the JSON error shape", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/nope").expect(404);
    expect(res.body.error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("/api/nope") });
  });

  it("should reject a bad filter with a 400 that names the field", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/graph?from=2019-13-40").expect(400);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(res.body.error.message).toContain("from");
  });
});

describe("foundation #embedded-neo4j life cycle", () => {
  const homeDir = path.join(ROOT_DIR, ".parley", `test-lifecycle-${process.pid}`);
  let neo4j: EmbeddedNeo4j;
  let db: Database;
  // About one install in 64 used to draw a password beginning with "-", which neo4j-admin read as an option.
  const dashPassword = `-${generatePassword()}`;
  const logLines: string[] = [];

  beforeAll(async () => {
    neo4j = await EmbeddedNeo4j.start({
      homeDir,
      jarCacheDir: path.join(ROOT_DIR, ".parley", "jars", NEO4J_VERSION),
      pidFile: path.join(homeDir, "neo4j.pid"),
      boltPort: 0,
      httpPort: 0,
      auth: true,
      heap: "512m",
      pageCache: "128m",
      transactionTimeout: "30s",
      log: (line) => logLines.push(line),
      generatePassword: () => dashPassword,
    });
    db = new Database(createDriver(neo4j.connection), undefined, createLogger("silent"));
    expect(await db.waitUntilReady(AbortSignal.timeout(120_000))).toBe(true);
  });
  afterAll(async () => {
    await db?.close();
    await neo4j?.stop();
    await rm(homeDir, { recursive: true, force: true });
  });

  it("should start the first time with a generated password that begins with '-', and print it nowhere", async () => {
    expect(neo4j.connection.password).toBe(dashPassword);
    expect((await db.status()).up).toBe(true);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(dashPassword.slice(1)))).toEqual([]);
    const neo4jLog = await readFile(path.join(homeDir, "logs", "neo4j.log"), "utf8");
    expect(neo4jLog).not.toContain(dashPassword.slice(1));
  });

  it("should require the generated password (auth on) and keep it in a 0600 file", async () => {
    const { stat } = await import("node:fs/promises");
    const mode = (await stat(path.join(homeDir, "password"))).mode & 0o777;
    expect(mode).toBe(0o600);
    const intruder = new Database(
      createDriver({ ...neo4j.connection, password: "wrong-password" }),
      undefined,
      createLogger("silent"),
    );
    expect((await intruder.status()).up).toBe(false);
    await intruder.close();
  });

  it("should turn health into 503 when Neo4j dies, and recover after the launcher restarts it", async () => {
    const config = loadConfig({ NEO4J_URI: neo4j.connection.uri, NEO4J_PASSWORD: neo4j.connection.password ?? "" });
    const app = createApp({ config, db, log: createLogger("silent"), importHooks: curationImportHooks });
    await request(app).get("/api/health").expect(200);

    const firstPid = neo4j.pid!;
    process.kill(firstPid, "SIGKILL");
    let sawDown = false;
    let recovered = false;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !recovered) {
      const res = await request(app).get("/api/health");
      if (res.status === 503) {
        expect(res.body).toMatchObject({ db: "down" });
        sawDown = true;
      } else if (res.status === 200 && sawDown) {
        recovered = true;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(sawDown).toBe(true);
    expect(recovered).toBe(true);
    expect(neo4j.pid).not.toBe(firstPid);
  });

  it("should stop within 10 s and leave no process behind", async () => {
    const pid = neo4j.pid!;
    const started = Date.now();
    await neo4j.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
