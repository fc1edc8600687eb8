/**
 * Routing driver
 * ==============
 *
 * Parley pointed at `neo4j://` (the routing scheme used for clusters and Aura) against the single test instance:
 * Community answers the routing procedure for itself, so reads and writes take the same path as on a cluster.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import { Database, createDriver } from "../../server/db/database.js";
import { createLogger } from "../../server/log.js";
import { loadImportFile } from "../helpers/load.js";
import { openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";

describe("db #routing", () => {
  let routed: Database;
  let direct: Database;
  let uri: string;

  beforeAll(async () => {
    const port = new URL(inject("neo4jUri").replace(/^bolt/, "http")).port;
    uri = `neo4j://127.0.0.1:${port}`;
    direct = openTestDatabase();
    await resetDatabase(direct);
    routed = new Database(createDriver({ uri, user: "neo4j", password: null }), undefined, createLogger("silent"));
    // Writes go through the routing driver too: the import is routed to the leader (here the only server).
    await loadImportFile(routed, seedDataset());
  });

  afterAll(async () => {
    await routed.close();
    await resetDatabase(direct);
    await direct.close();
  });

  it("should report health through the routing driver", async () => {
    const app = createApp({
      config: loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: "" }),
      db: routed,
      log: createLogger("silent"),
      importHooks: curationImportHooks,
    });
    const res = await request(app).get("/api/health").expect(200);
    expect(res.body).toMatchObject({ status: "ok", db: "up" });
  });

  it("should serve the overview through the routing driver", async () => {
    const app = createApp({
      config: loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: "" }),
      db: routed,
      log: createLogger("silent"),
      importHooks: curationImportHooks,
    });
    const res = await request(app).get("/api/graph").expect(200);
    expect(res.body.nodes.length).toBeGreaterThan(0);
    expect(res.body.edges.length).toBeGreaterThan(0);
  });

  it("should get a routing table with readers and writers", async () => {
    const session = routed.driver.session();
    try {
      const result = await session.run("CALL dbms.routing.getRoutingTable({}, 'neo4j')");
      const servers = result.records[0]!.get("servers") as { role: string }[];
      expect(new Set(servers.map((s) => s.role))).toEqual(new Set(["WRITE", "READ", "ROUTE"]));
    } finally {
      await session.close();
    }
  });
});
