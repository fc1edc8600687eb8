/**
 * An import killed half-way (the loading process gets SIGKILL) leaves none of the file in the database, and the
 * same file loaded afterwards lands whole.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT_DIR } from "../../server/config.js";
import type { ImportFileInput } from "../../contracts/import-format.js";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

/** A file big enough that loading it takes a few seconds: people meeting in pairs across many events. */
function bigFile(people: number, events: number): ImportFileInput {
  const nodes: NonNullable<ImportFileInput["nodes"]> = [];
  for (let i = 0; i < people; i++) nodes.push({ id: `p-${i}`, type: "person", name: `Person ${i}` });
  for (let i = 0; i < events; i++) {
    nodes.push({
      id: `e-${i}`,
      type: "event",
      kind: "meeting",
      name: `Meeting ${i}`,
      date: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 9}`,
      participants: [
        { actor: `p-${i % people}`, role: "host" },
        { actor: `p-${(i * 7 + 1) % people}`, role: "guest" },
      ],
    });
  }
  return { format: "parley-import", version: 1, nodes };
}

describe("reliability #interrupted import", () => {
  let db: Database;
  const file = path.join(ROOT_DIR, ".parley", `interrupted-import-${process.pid}.json`);
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset());
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(bigFile(4_000, 12_000)));
  });
  afterAll(async () => {
    await db.close();
    const { rm } = await import("node:fs/promises");
    await rm(file, { force: true });
  });

  it("should leave the database unchanged when the loading process is killed mid-way", async () => {
    const before = await readCounts(db);
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT_DIR, "scripts", "load.ts"), file],
      {
        cwd: ROOT_DIR,
        env: { ...process.env, NEO4J_URI: inject("neo4jUri"), NEO4J_PASSWORD: "", LOG_LEVEL: "warn" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    // Kill as soon as the writer reports progress inside its transaction.
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/nodes: \d+\/\d+/.test(stderr)) resolve();
      });
      child.on("exit", () => reject(new Error(`the load ended before it could be interrupted:\n${stderr}`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // The server rolls back the open transaction when the client's connection drops.
    let after = await readCounts(db);
    for (let i = 0; i < 20 && JSON.stringify(after) !== JSON.stringify(before); i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await readCounts(db);
    }
    expect(after).toEqual(before);
  });

  it("should load the same file whole afterwards", async () => {
    const before = await readCounts(db);
    const { readFileSync } = await import("node:fs");
    await loadImportFile(db, JSON.parse(readFileSync(file, "utf8")));
    const after = await readCounts(db);
    expect(after.labels.Person).toBe((before.labels.Person ?? 0) + 4_000);
    expect(after.labels.Event).toBe((before.labels.Event ?? 0) + 12_000);
  });
});
