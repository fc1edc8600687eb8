/**
 * Backup and restore
 * ==================
 *
 * The seed dataset plus an ingested (invented) article, curated (edit, merge, delete), with a snapshot and a
 * suggestion, is backed up, restored into the emptied database and backed up again: the two backups are
 * byte-identical and the counts match. Restore refuses a database that is not empty.
 */
import { createHash } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { restoreBackup, writeBackup, writeConsistentBackup } from "../../server/modules/curation/backup.js";
import { DatabaseNotEmptyError } from "../../server/errors.js";
import { articlesToImport } from "../../server/modules/ingest/extraction.import.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

/** An invented article (no third-party text). */
const ARTICLE = {
  file: "invented-lusania.txt",
  text: `source: Invented Wire
date: 2022-07-08

LUSANIA CITY – Prime Minister Berta Vonnick of Lusania met Foreign Minister Alan Quellmar of Zorbia in Lusania City on Friday to discuss water.

Vonnick and Quellmar signed a memorandum on river management.
`,
};

async function backupText(db: Database): Promise<string> {
  const chunks: string[] = [];
  await writeBackup(db, { write: async (chunk) => void chunks.push(chunk) });
  return chunks.join("");
}

describe("backup #round-trip", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  it("should back up, restore into an empty database, and back up the same bytes again", async () => {
    const { app } = createTestApp(db);
    await loadImportFile(db, seedDataset());
    const { document } = articlesToImport([ARTICLE]);
    await loadImportFile(db, {
      ...document,
      suggestions: [
        {
          kind: "possible-same-person",
          article: document.articles![0]!.id,
          text: "Vonnick",
          candidates: ["berta-vonnick", "alan-quellmar"],
        },
      ],
    });
    // Curation: an edit, a merge, a delete and a revert, so the audit log, rejections and statuses are all present.
    const edit = await request(app)
      .patch("/api/nodes/berta-vonnick")
      .send({ reason: "full name", aliases: ["B. Vonnick"] })
      .expect(200);
    await request(app).post(`/api/changes/${edit.body.id}/revert`).send({ reason: "not sure" }).expect(200);
    const people = await db.read("MATCH (p:Person) RETURN p.id AS id ORDER BY id", {}, (r) => r.get("id") as string);
    await request(app)
      .post("/api/curation/merge")
      .send({ keep: people[0], merge: people[1], reason: "same person" })
      .expect(200);
    const [event] = await db.read(
      "MATCH (e:Event) RETURN e.id AS id ORDER BY id LIMIT 1",
      {},
      (r) => r.get("id") as string,
    );
    await request(app).delete(`/api/nodes/${event}`).send({ reason: "not an event" }).expect(200);
    const graph = await request(app).get("/api/graph?view=met").expect(200);
    await request(app)
      .post("/api/snapshots")
      .send({
        title: "Backup test",
        graph: { nodes: graph.body.nodes, edges: graph.body.edges },
        state: { filters: { view: "met" } },
      })
      .expect(201);

    const first = await backupText(db);
    const counts = await readCounts(db);
    const parsed = JSON.parse(first) as Record<string, unknown[]>;
    for (const section of [
      "articles",
      "nodes",
      "roles",
      "evidence",
      "changes",
      "rejections",
      "snapshots",
      "suggestions",
      "decisions",
    ]) {
      expect(Array.isArray(parsed[section]), section).toBe(true);
    }
    expect(parsed.changes!.length).toBe(4);
    expect(parsed.rejections!.length).toBe(2);
    expect(parsed.snapshots!.length).toBe(1);
    expect(parsed.evidence!.some((e) => (e as { props: { status: string } }).props.status === "rejected")).toBe(true);
    expect(await backupText(db)).toBe(first);

    // A used database is refused, and left as it was.
    await expect(restoreBackup(db, parsed)).rejects.toBeInstanceOf(DatabaseNotEmptyError);

    await resetDatabase(db);
    await restoreBackup(db, JSON.parse(first));
    const second = await backupText(db);
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    if (second !== first) {
      // Show the first differing line, which names the record.
      const a = first.split("\n");
      const b = second.split("\n");
      const i = a.findIndex((line, j) => line !== b[j]);
      expect(b[i]).toBe(a[i]);
    }
    expect(sha(second)).toBe(sha(first));
    expect(await readCounts(db)).toEqual(counts);

    // The restored audit log still works: the delete can be reverted.
    const history = await request(app).get(`/api/nodes/${event}/history`).expect(200);
    await request(app).post(`/api/changes/${history.body.changes[0].id}/revert`).send({}).expect(200);
    await request(app).get(`/api/nodes/${event}`).expect(200);
  });
});

/** A tiny import: one organisation with a citation of its own article, so nodes and evidence must agree. */
function organisationDocument(k: number) {
  const text = `Organisation number ${k} was founded in an invented city.\n`;
  return {
    format: "parley-import",
    version: 1,
    articles: [{ id: `bk-art-${k}`, title: `Note ${k}`, text }],
    nodes: [
      {
        id: `bk-org-${k}`,
        type: "organization",
        kind: "organization",
        name: `Organisation ${k}`,
        evidence: [{ article: `bk-art-${k}`, start: 0, end: text.length - 1, paragraph: 0, by: "curator" }],
      },
    ],
  };
}

/** What a backup (or the database) holds of the concurrent writes: organisations, their names, their articles. */
function stateOf(backup: Record<string, unknown[]>): string {
  const ids = (section: string, prefix: string) =>
    (backup[section] ?? [])
      .map((r) => r as { id?: string; name?: string })
      .filter((r) => r.id?.startsWith(prefix))
      .map((r) => (section === "nodes" ? `${r.id}=${r.name}` : r.id))
      .sort()
      .join(",");
  return `${ids("nodes", "bk-org-")} | ${ids("articles", "bk-art-")}`;
}

describe("backup #point-in-time", () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => db.close());

  it("should write a file that restores to a state that existed, while imports and curation run", async () => {
    const { app } = createTestApp(db);
    await loadImportFile(db, seedDataset());
    await loadImportFile(db, organisationDocument(0));
    const states = new Set<string>();
    const record = async () => states.add(stateOf(JSON.parse(await backupText(db))));
    await record();

    // Writes keep landing while the backup reads: an import, then a curation rename, again and again.
    let writing = true;
    const writer = (async () => {
      for (let k = 1; writing && k < 40; k++) {
        await loadImportFile(db, organisationDocument(k));
        await record();
        await request(app)
          .patch("/api/nodes/bk-org-0")
          .send({ reason: "renamed while a backup runs", name: `Organisation 0 (edit ${k})` })
          .expect(200);
        await record();
      }
    })();
    const chunks: string[] = [];
    const retries: string[] = [];
    await writeConsistentBackup(
      db,
      async () => {
        chunks.length = 0;
        return { write: async (chunk) => void chunks.push(chunk) };
      },
      (message) => retries.push(message),
    ).finally(() => (writing = false));
    await writer;
    const file = chunks.join("");
    const backedUp = stateOf(JSON.parse(file));
    expect(states).toContain(backedUp);

    await resetDatabase(db);
    await restoreBackup(db, JSON.parse(file));
    expect(stateOf(JSON.parse(await backupText(db)))).toBe(backedUp);
  });
});
