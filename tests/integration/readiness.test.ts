/**
 * Readiness: the server is up before it has prepared the database (schema, sample data). Until then health says so,
 * writes answer 503 with Retry-After, and the command-line tools wait; nothing fails with a deadlock.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createApp } from "../../server/app.js";
import { Preparation, bootstrapDatabase } from "../../server/bootstrap.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";
import { loadConfig } from "../../server/config.js";
import type { Database } from "../../server/db/database.js";
import { readState, waitForServerReady } from "../../server/db/state.js";
import { createLogger } from "../../server/log.js";
import { writeConsistentBackup } from "../../server/modules/curation/backup.js";
import { readCounts } from "../../server/db/counts.js";
import { SEEDS_DIR, openTestDatabase, resetDatabase } from "../helpers/db.js";

const NOTE = {
  format: "parley-import",
  version: 1,
  nodes: [{ id: "ready-org", type: "organization", kind: "organization", name: "Readiness Test Office" }],
};

describe("readiness", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await db.writeTx((tx) => tx.run("MATCH (n) DETACH DELETE n"));
  });
  afterAll(async () => db.close());

  it("should answer writes with 503 until the sample data is loaded, then accept them; backups wait and succeed", async () => {
    const config = loadConfig({
      NEO4J_URI: inject("neo4jUri"),
      NEO4J_PASSWORD: "",
      PARLEY_LOAD_SAMPLE: "1",
      PARLEY_ARTICLES_DIR: SEEDS_DIR,
    });
    const log = createLogger("silent");
    const preparation = new Preparation();
    const deps = { config, db, log, importHooks: curationImportHooks, readiness: preparation };
    const app = createApp(deps);

    // The moment Bolt answers: the server starts preparing, and a write, a backup and a CLI tool arrive at once.
    const bootstrap = bootstrapDatabase(deps, undefined, preparation);
    const early = await request(app).post("/api/import").send(NOTE);
    const health = await request(app).get("/api/health?ready=1");
    const order: string[] = [];
    const cliWaited = (async () => {
      // The CLI reads the phase the server recorded in the database.
      while ((await readState(db)).ready !== false && !preparation.ready) await new Promise((r) => setTimeout(r, 20));
      await waitForServerReady(db, () => undefined);
      // What the tool must find once it goes on: the server's preparation finished, the sample data in.
      const persons = (await readCounts(db)).labels.Person ?? 0;
      order.push(persons > 0 ? "cli after the sample was loaded" : "cli before the sample was loaded");
    })();
    const chunks: string[] = [];
    const backup = writeConsistentBackup(db, async () => {
      chunks.length = 0;
      return { write: async (chunk) => void chunks.push(chunk) };
    });
    expect(await bootstrap).toBe(true);
    await Promise.all([cliWaited, backup]);

    if (early.status !== 200) {
      expect(early.status).toBe(503);
      expect(early.headers["retry-after"]).toBeDefined();
      expect(early.body.error.message).toMatch(/being prepared/);
    }
    if (health.status === 503) {
      expect(health.body).toMatchObject({ db: "up", ready: false });
      expect(health.body.bootstrap).not.toBe("ready");
    }
    expect(order).toEqual(["cli after the sample was loaded"]);
    expect(JSON.parse(chunks.join("")).format).toBe("parley-import");

    const ready = await request(app).get("/api/health?ready=1").expect(200);
    expect(ready.body).toMatchObject({ db: "up", ready: true, bootstrap: "ready" });
    expect((await readCounts(db)).labels.Person).toBeGreaterThan(0);
    await request(app).post("/api/import").send(NOTE).expect(200);
    expect((await readState(db)).ready).toBe(true);
  });

  it("should say what is being done while the database is prepared", async () => {
    const config = loadConfig({ NEO4J_URI: inject("neo4jUri"), NEO4J_PASSWORD: "" });
    const preparation = new Preparation();
    preparation.phase = "loading the sample data";
    const app = createApp({
      config,
      db,
      log: createLogger("silent"),
      importHooks: curationImportHooks,
      readiness: preparation,
    });
    const live = await request(app).get("/api/health").expect(200);
    expect(live.body).toMatchObject({ db: "up", ready: false, bootstrap: "loading the sample data" });
    const probe = await request(app).get("/api/health?ready=1").expect(503);
    expect(probe.headers["retry-after"]).toBe("5");
    const refused = await request(app).post("/api/import").send(NOTE).expect(503);
    expect(refused.body.error.message).toMatch(/loading the sample data/);
    // Reads and the read-only console still answer.
    await request(app).get("/api/stats").expect(200);
  });
});
