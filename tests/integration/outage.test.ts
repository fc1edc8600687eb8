/**
 * Database outages: the app starts and answers while Neo4j is unreachable, with 503s that say to retry.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import { Database, createDriver } from "../../server/db/database.js";
import { freePort } from "../../server/db/embedded/embedded-neo4j.js";
import { createLogger } from "../../server/log.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";

describe("outage #database down at start", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    // A port nobody listens on: the database is "down" from the start.
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    db = new Database(createDriver({ uri, user: "neo4j", password: null }), undefined, createLogger("silent"));
    app = createApp({
      config: loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: "" }),
      db,
      log: createLogger("silent"),
      importHooks: curationImportHooks,
    });
  });
  afterAll(async () => db.close());

  it("should report the database down on /api/health with 503", async () => {
    const res = await request(app).get("/api/health").expect(503);
    expect(res.body).toMatchObject({ db: "down" });
    expect(res.headers["retry-after"]).toBeDefined();
  });

  it("should answer data requests with 503 DB_UNAVAILABLE and a retry hint, not a 500", async () => {
    const res = await request(app).get("/api/graph").expect(503);
    expect(res.body.error.code).toBe("DB_UNAVAILABLE");
    expect(res.body.error.message).toMatch(/retry/i);
    expect(res.headers["retry-after"]).toBe("5");
    expect(JSON.stringify(res.body)).not.toMatch(/ServiceUnavailable|at .*\.js|Neo4jError/);
  });
});
