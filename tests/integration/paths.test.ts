/**
 * Shortest paths that may not be walked
 * =====================================
 *
 * The path search looks for the shortest paths first without reading roles or statuses, then keeps the walkable
 * ones. When the shortest paths all run through an event's subject or reporter, or through a rejected event, the
 * answer must still be the shortest walkable paths (longer ones), never the forbidden short one and never nothing.
 */
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const person = (id: string) => ({ id, type: "person", name: id.replace(/-/g, " ") });
const meeting = (id: string, participants: [string, string][]) => ({
  id,
  type: "event",
  kind: "meeting",
  name: id,
  date: "2024-01-01",
  participants: participants.map(([actor, role]) => ({ actor, role })),
});

// ana –(reported)– bo is one event away; ana – cy – bo, two walkable meetings away; ana – di – eli – bo three,
// through a meeting that a curator rejected after the first shortest walkable one.
const file = {
  format: "parley-import",
  version: 1,
  title: "Fixture: paths through subjects, reporters and rejected events (invented)",
  articles: [],
  nodes: [
    ...["ana", "bo", "cy", "di", "eli", "fay"].map(person),
    meeting("evt-ana-reports-bo", [
      ["ana", "reporter"],
      ["bo", "subject"],
    ]),
    meeting("evt-ana-cy", [
      ["ana", "host"],
      ["cy", "guest"],
    ]),
    meeting("evt-cy-bo", [
      ["cy", "host"],
      ["bo", "guest"],
    ]),
    meeting("evt-ana-fay", [
      ["ana", "host"],
      ["fay", "guest"],
    ]),
    meeting("evt-fay-di", [
      ["fay", "host"],
      ["di", "guest"],
    ]),
    meeting("evt-di-eli", [
      ["di", "host"],
      ["eli", "guest"],
    ]),
    meeting("evt-ana-eli", [
      ["ana", "host"],
      ["eli", "guest"],
    ]),
  ],
};

describe("read API #paths", () => {
  let db: Database;
  let app: Express;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, file);
    app = createTestApp(db).app;
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it("should skip a shorter path through a subject's or reporter's link and answer the shortest walkable one", async () => {
    const res = await request(app).get("/api/path?from=ana&to=bo").expect(200);
    expect(res.body.paths).toEqual([["ana", "evt-ana-cy", "cy", "evt-cy-bo", "bo"]]);
  });

  it("should answer the shortest path when it is walkable", async () => {
    const res = await request(app).get("/api/path?from=ana&to=eli").expect(200);
    expect(res.body.paths).toEqual([["ana", "evt-ana-eli", "eli"]]);
  });

  it("should not walk through a rejected event, and find the longer way round", async () => {
    await db.writeTx((tx) => tx.run("MATCH (e:Event {id: 'evt-ana-eli'}) SET e.status = 'rejected'"));
    const res = await request(app).get("/api/path?from=ana&to=eli").expect(200);
    expect(res.body.paths).toEqual([["ana", "evt-ana-fay", "fay", "evt-fay-di", "di", "evt-di-eli", "eli"]]);
    const tooShort = await request(app).get("/api/path?from=ana&to=eli&max=4").expect(200);
    expect(tooShort.body.paths).toEqual([]);
  });
});
