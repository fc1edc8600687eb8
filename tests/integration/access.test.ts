/**
 * Protected writes: from another machine, imports need the admin token; reads stay open.
 */
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/modules/ingest/import.repository.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

/** Wraps the app so that every request looks as if it came from another machine. */
function fromAnotherMachine(app: express.Express): express.Express {
  const outer = express();
  outer.use((req, _res, next) => {
    Object.defineProperty(req.socket, "remoteAddress", { value: "203.0.113.9", configurable: true });
    next();
  });
  outer.use(app);
  return outer;
}

const tinyImport = {
  format: "parley-import",
  version: 1,
  nodes: [{ id: "test-access-person", type: "person", name: "Access Test Person" }],
};

describe("access #writes", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  it("should refuse a write from another machine when no token is configured, and say how to allow it", async () => {
    const app = fromAnotherMachine(createTestApp(db).app);
    const before = await readCounts(db);
    const res = await request(app).post("/api/import").send(tinyImport).expect(403);
    expect(res.body.error.message).toContain("PARLEY_ADMIN_TOKEN");
    expect(await readCounts(db)).toEqual(before);
  });

  it("should accept a write from this machine when no token is configured", async () => {
    await request(createTestApp(db).app).post("/api/import").send(tinyImport).expect(200);
  });

  it("should require the token from another machine: 401 without, 403 wrong, 200 right", async () => {
    const app = fromAnotherMachine(createTestApp(db, { PARLEY_ADMIN_TOKEN: "desk:correct-horse-battery" }).app);
    const missing = await request(app).post("/api/import").send(tinyImport).expect(401);
    expect(missing.headers["www-authenticate"]).toMatch(/Bearer/);
    await request(app).post("/api/import").set("Authorization", "Bearer wrong-horse").send(tinyImport).expect(403);
    await request(app)
      .post("/api/import")
      .set("Authorization", "Bearer correct-horse-battery")
      .send(tinyImport)
      .expect(200);
  });

  it("should require the token even from this machine once one is configured", async () => {
    const app = createTestApp(db, { PARLEY_ADMIN_TOKEN: "correct-horse-battery" }).app;
    await request(app).post("/api/import").send(tinyImport).expect(401);
  });

  it("should keep reads open to everyone", async () => {
    const app = fromAnotherMachine(createTestApp(db, { PARLEY_ADMIN_TOKEN: "correct-horse-battery" }).app);
    await request(app).get("/api/graph").expect(200);
    await request(app).get("/api/health").expect(200);
  });

  it("should send the security headers and a strict CSP", async () => {
    const res = await request(createTestApp(db).app).get("/api/health");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("worker-src 'self' blob:");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
