/**
 * Protected writes: from another machine, or through a proxy on this one, imports need the admin token; reads stay
 * open; rate limits follow the client address that a trusted proxy reports.
 */
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";
import { fromAnotherMachine } from "../helpers/remote.js";

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
    const res = await request(app).post("/api/import").send(tinyImport).expect(401);
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

  for (const [header, value] of [
    ["X-Forwarded-For", "198.51.100.23"],
    ["Forwarded", "for=198.51.100.23;proto=https"],
    ["X-Real-IP", "198.51.100.23"],
  ] as const) {
    it(`should refuse a loopback write that carries ${header} (a proxy on this machine) when no token is configured`, async () => {
      const before = await readCounts(db);
      const res = await request(createTestApp(db).app)
        .post("/api/import")
        .set(header, value)
        .send({ ...tinyImport, nodes: [{ id: "test-access-proxied", type: "person", name: "Proxied Person" }] })
        .expect(401);
      expect(res.body.error.message).toContain("PARLEY_ADMIN_TOKEN");
      expect(await readCounts(db)).toEqual(before);
    });
  }

  it("should accept a forwarded loopback write that carries the admin token, and refuse a wrong one", async () => {
    const app = createTestApp(db, { PARLEY_ADMIN_TOKEN: "correct-horse-battery", PARLEY_TRUST_PROXY: "loopback" }).app;
    await request(app).post("/api/import").set("X-Forwarded-For", "198.51.100.23").send(tinyImport).expect(401);
    await request(app)
      .post("/api/import")
      .set("X-Forwarded-For", "198.51.100.23")
      .set("Authorization", "Bearer wrong-horse")
      .send(tinyImport)
      .expect(403);
    await request(app)
      .post("/api/import")
      .set("X-Forwarded-For", "198.51.100.23")
      .set("Authorization", "Bearer correct-horse-battery")
      .send(tinyImport)
      .expect(200);
  });

  it("should give each forwarded client its own rate budget when PARLEY_TRUST_PROXY trusts the proxy", async () => {
    const search = (app: express.Express, client: string) =>
      request(app).get("/api/search").query({ q: "Access" }).set("X-Forwarded-For", client);
    const trusting = createTestApp(db, { PARLEY_TRUST_PROXY: "loopback", PARLEY_RATE_LIMIT_PER_MINUTE: "2" }).app;
    await search(trusting, "198.51.100.1").expect(200);
    await search(trusting, "198.51.100.1").expect(200);
    await search(trusting, "198.51.100.1").expect(429);
    // Another client behind the same proxy still has its whole budget.
    await search(trusting, "198.51.100.2").expect(200);
    await search(trusting, "198.51.100.2").expect(200);
    await search(trusting, "198.51.100.2").expect(429);

    // Without the setting, the forwarding header is ignored: everyone behind the proxy shares the proxy's budget.
    const untrusting = createTestApp(db, { PARLEY_RATE_LIMIT_PER_MINUTE: "2" }).app;
    await search(untrusting, "198.51.100.1").expect(200);
    await search(untrusting, "198.51.100.1").expect(200);
    await search(untrusting, "198.51.100.2").expect(429);
  });

  it("should not believe a forwarding header from a client that is not a trusted proxy", async () => {
    const app = fromAnotherMachine(
      createTestApp(db, { PARLEY_TRUST_PROXY: "loopback", PARLEY_RATE_LIMIT_PER_MINUTE: "1" }).app,
    );
    await request(app).get("/api/search").query({ q: "Access" }).set("X-Forwarded-For", "198.51.100.1").expect(200);
    // A different claimed address does not buy a new budget: the socket (203.0.113.9) is the client.
    await request(app).get("/api/search").query({ q: "Access" }).set("X-Forwarded-For", "198.51.100.2").expect(429);
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
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    // Helmet's default upgrade-insecure-requests would break plain-HTTP installs on a LAN.
    expect(res.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("should let other sites frame the snapshot embed page only", async () => {
    const app = createTestApp(db, { PARLEY_EMBED_FRAME_ANCESTORS: "https://news.example" }).app;
    const embed = await request(app).get("/s/some-snapshot").query({ embed: "1" });
    expect(embed.headers["content-security-policy"]).toContain("frame-ancestors https://news.example");
    expect(embed.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    expect(embed.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    const page = await request(app).get("/s/some-snapshot");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
  });
});
