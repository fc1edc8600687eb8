/**
 * Staged import
 * =============
 *
 * A file loaded through staging (many transactions) leaves exactly the graph a one-transaction load leaves; while
 * it stages, readers see none of it; when it fails before publishing, nothing of it remains; an import left
 * staging by a stopped process is rolled back at the next start.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ImportFile } from "../../contracts/import-format.js";
import { ROOT_DIR } from "../../server/config.js";
import { cypher, slotsOf } from "../../server/db/cypher.js";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { StagedImportError } from "../../server/errors.js";
import { recoverStagedImports } from "../../server/modules/ingest/import.staged.js";
import { generateSynthetic } from "../bench/synthetic.js";
import { createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

/** The whole graph as sorted JSON: labels and properties of every node, every link with its ends and properties. */
async function dumpGraph(db: Database): Promise<{ nodes: string[]; links: string[] }> {
  const clean = (props: Record<string, unknown>) => {
    // Timestamps differ between two loads of the same file; when a fact was learned must be there in both.
    const { createdAt: _c, updatedAt: _u, knownFrom, ...rest } = props;
    const stamped = { ...rest, ...(knownFrom ? { knownFrom: "stamped" } : {}) };
    return JSON.stringify(
      Object.fromEntries(Object.entries(stamped).sort(([a], [b]) => a.localeCompare(b))),
      (_k, v: unknown) =>
        typeof v === "object" && v !== null && "toString" in v && v.constructor?.name !== "Object" && !Array.isArray(v)
          ? String(v)
          : v,
    );
  };
  const nodes = await db.read(
    "MATCH (n) WHERE NOT n:Import AND NOT n:ParleyState RETURN labels(n) AS labels, properties(n) AS props",
    {},
    (r) => `${[...(r.get("labels") as string[])].sort().join(":")} ${clean(r.get("props") as Record<string, unknown>)}`,
  );
  const links = await db.read(
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
    {},
    (r) => `${r.get("a")} ${r.get("type")} ${r.get("b")} ${clean(r.get("props") as Record<string, unknown>)}`,
  );
  return { nodes: nodes.sort(), links: links.sort() };
}

async function stagedLeft(db: Database): Promise<number> {
  const [n] = await db.read("MATCH (n:Staged) RETURN count(n) AS n", {}, (r) => Number(r.get("n")));
  return n ?? 0;
}

async function importStatus(db: Database, id: string): Promise<string | null> {
  const [status] = await db.read(
    "MATCH (i:Import {id: $id}) RETURN i.status AS s",
    { id },
    (r) => r.get("s") as string,
  );
  return status ?? null;
}

describe("ingest #staged-import", () => {
  let db: Database;
  // Small enough to keep Neo4j's cached plans (db/planner.ts: below a thousand rows on an empty database), in
  // chunks small enough that every step stages in several transactions.
  const file = generateSynthetic({ actors: 50, events: 120, seed: 17 }) as ImportFile;
  const staged = { stageAboveRows: 0, staged: { chunkRows: 100 } };

  beforeAll(() => {
    db = openTestDatabase();
  });
  beforeEach(async () => {
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it("should leave exactly the graph a one-transaction load leaves, and report where it got to", async () => {
    const single = await loadImportFile(db, file, { stageAboveRows: Number.POSITIVE_INFINITY });
    expect(single).not.toHaveProperty("importId");
    const expected = await dumpGraph(db);
    expect(expected.links.length).toBeGreaterThan(400);

    await resetDatabase(db);
    const steps = new Set<string>();
    const summary = await loadImportFile(db, file, { ...staged, progress: (step) => steps.add(step) });
    expect(summary).toMatchObject({
      nodes: single.nodes,
      links: single.links,
      evidence: single.evidence,
      metLinks: single.metLinks,
    });
    expect(await dumpGraph(db)).toEqual(expected);
    expect(await stagedLeft(db)).toBe(0);
    expect(await importStatus(db, summary.importId!)).toBe("done");
    // Every actor and event is new: their MET links are computed from the file and staged, none rebuilt afterwards.
    expect([...steps]).toEqual(
      expect.arrayContaining([
        "checking which ids exist",
        "staging event nodes",
        "staging PARTICIPATED_IN links",
        "staging MET links",
        "publishing",
      ]),
    );
    expect(steps.has("MET refresh")).toBe(false);
  });

  it("should leave the graph a one-transaction load leaves on top of existing data, new and known actors mixed", async () => {
    // A first file: institutions, a third of the events (re-stated by the second file) and only their people.
    const allEvents = file.nodes.filter((n) => n.type === "event");
    const events = allEvents.slice(0, Math.floor(allEvents.length / 3));
    const people = new Set(events.flatMap((e) => (e.participants ?? []).map((p) => p.actor)));
    const first = {
      ...file,
      nodes: [
        ...file.nodes.filter(
          (n) => !["event", "agreement", "person"].includes(n.type) || (n.type === "person" && people.has(n.id)),
        ),
        ...events.map((e) => ({ ...e, produced: [] })),
      ],
      roles: (file.roles ?? []).filter((r) => people.has(r.person)),
    };
    await loadImportFile(db, first, { stageAboveRows: Number.POSITIVE_INFINITY });
    await loadImportFile(db, file, { stageAboveRows: Number.POSITIVE_INFINITY });
    const expected = await dumpGraph(db);

    await resetDatabase(db);
    await loadImportFile(db, first, { stageAboveRows: Number.POSITIVE_INFINITY });
    const steps = new Set<string>();
    await loadImportFile(db, file, { ...staged, progress: (step) => steps.add(step) });
    expect(await dumpGraph(db)).toEqual(expected);
    // Both ways of building MET links were used: staged for the newcomers, rebuilt for the actors already known.
    expect(steps.has("staging MET links") && steps.has("MET refresh")).toBe(true);
  });

  it(
    "should merge what the database already holds (the sample's topics, places, countries, actors) as a one-transaction load does",
    { timeout: 300_000 },
    async () => {
      // A small file that meets the sample data: new people and events, with the sample's topics, places, countries
      // and people among their links, and some of those nodes stated again by the file itself.
      const sample = seedDataset() as ImportFile;
      const shared = ["topic-trade", "topic-customs", "erbil", "iraq", "nechirvan-barzani", "masoud-pezeshkian"];
      const restated = sample.nodes
        .filter((n) => shared.includes(n.id))
        .map((n) => ({ id: n.id, type: n.type, name: n.name, mode: "extend" as const }));
      expect(restated).toHaveLength(shared.length);
      const people = file.nodes.filter((n) => n.type === "person").slice(0, 6);
      const events = file.nodes.filter((n) => n.type === "event").slice(0, 8);
      const joining: ImportFile = {
        format: "parley-import",
        version: 1,
        title: "Fixture: staged file sharing nodes with the sample (invented)",
        articles: [{ id: "art-staged-merge", title: "An invented report", language: "en" }],
        nodes: [
          ...restated,
          ...people.map((p) => ({ ...p, evidence: [] })),
          ...events.map((e, i) => ({
            ...e,
            place: i % 2 ? "erbil" : undefined,
            topics: ["topic-trade", ...(i % 3 ? ["topic-customs"] : [])],
            produced: [],
            participants: [
              { actor: "nechirvan-barzani", role: "host" as const },
              ...(i % 2 ? [{ actor: "masoud-pezeshkian", role: "guest" as const }] : []),
              { actor: people[i % people.length]!.id, role: "participant" as const },
            ],
            evidence: [{ article: "art-staged-merge", paragraph: 0, start: i, end: i + 5, by: "test" }],
          })),
        ],
        roles: [{ person: people[0]!.id, title: "Envoy", of: "iraq", evidence: [] }],
        quantities: [],
      } as ImportFile;

      await loadImportFile(db, sample);
      await loadImportFile(db, joining, { stageAboveRows: Number.POSITIVE_INFINITY });
      const expected = await dumpGraph(db);

      await resetDatabase(db);
      await loadImportFile(db, sample);
      const before = await readCounts(db);
      const summary = await loadImportFile(db, joining, staged);
      expect(summary.importId).toBeDefined();
      expect(await dumpGraph(db)).toEqual(expected);
      // No duplicates: each shared id is one node, and only the file's new people and events were added.
      const [copies] = await db.read(
        "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN count(n) AS n",
        { ids: shared },
        (r) => Number(r.get("n")),
      );
      expect(copies).toBe(shared.length);
      const after = await readCounts(db);
      expect(after.labels.Entity! - before.labels.Entity!).toBe(people.length + events.length);
      expect(after.labels.Topic).toBe(before.labels.Topic);
      expect(after.labels.Place).toBe(before.labels.Place);
      expect(after.labels.Country).toBe(before.labels.Country);
      expect(await stagedLeft(db)).toBe(0);
    },
  );

  it(
    "should merge nodes that another writer created while it was staging, instead of failing at publishing",
    { timeout: 300_000 },
    async () => {
      // A starting server loads the sample data while a big load stages: ids checked as new exist when it publishes.
      const person = file.nodes.find((n) => n.type === "person")!;
      const early = {
        format: "parley-import",
        version: 1,
        title: "Fixture: nodes created while a staged import stages (invented)",
        nodes: [
          { id: person.id, type: "person", name: `${person.name} (early)` },
          { id: "topic-energy", type: "topic", name: "Energy" },
        ],
      };
      await loadImportFile(db, early, { stageAboveRows: Number.POSITIVE_INFINITY });
      await loadImportFile(db, file, { stageAboveRows: Number.POSITIVE_INFINITY });
      const expected = await dumpGraph(db);

      await resetDatabase(db);
      let created = false;
      const summary = await loadImportFile(db, file, {
        ...staged,
        staged: {
          ...staged.staged,
          onStep: async (step) => {
            if (step !== "before-publish" || created) return;
            created = true;
            await loadImportFile(db, early, { stageAboveRows: Number.POSITIVE_INFINITY });
          },
        },
      });
      expect(created).toBe(true);
      expect(summary.importId).toBeDefined();
      expect(await dumpGraph(db)).toEqual(expected);
      expect(await stagedLeft(db)).toBe(0);
    },
  );

  it("should refuse a second import while one is staging, write nothing of it, and take it afterwards", async () => {
    const other = {
      format: "parley-import",
      version: 1,
      title: "Fixture: a second import (invented)",
      nodes: [{ id: "someone-else", type: "person", name: "Someone Else" }],
    };
    const exists = async () =>
      (await db.read("MATCH (n:Entity {id: 'someone-else'}) RETURN count(n) AS n", {}, (r) => Number(r.get("n"))))[0];
    const attempt: { result?: unknown } = {};
    await loadImportFile(db, file, {
      ...staged,
      staged: {
        ...staged.staged,
        // The first import waits here, holding the staging slot, until the second has been answered.
        onStep: async (step) => {
          if (step === "before-publish")
            attempt.result = await loadImportFile(db, other, staged).catch((error: unknown) => error);
        },
      },
    });
    expect(attempt.result).toMatchObject({ status: 409, code: "IMPORT_IN_PROGRESS" });
    expect(await exists()).toBe(0);
    await loadImportFile(db, other, staged);
    expect(await exists()).toBe(1);
  });

  it("should show readers nothing while staging, and leave nothing when it fails before publishing", async () => {
    await loadImportFile(db, seedDataset());
    const before = await readCounts(db);
    const { app } = createTestApp(db);
    const newPerson = file.nodes.find((n) => n.type === "person")!;
    let chunks = 0;
    let seenWhileStaging: { staged: boolean; counts: unknown; node: number; search: number } | null = null;

    const failing = loadImportFile(db, file, {
      ...staged,
      staged: {
        ...staged.staged,
        onStep: async (step) => {
          chunks++;
          if (chunks === 3) {
            const search = await request(app).get(`/api/search?q=${encodeURIComponent(newPerson.name)}`);
            seenWhileStaging = {
              staged: (await stagedLeft(db)) > 0,
              counts: await readCounts(db),
              node: (await request(app).get(`/api/nodes/${newPerson.id}`)).status,
              search: (search.body.results as { id: string }[]).filter((r) => r.id === newPerson.id).length,
            };
          }
          if (step === "before-publish") throw new Error("disk full (simulated)");
        },
      },
    });
    await expect(failing).rejects.toBeInstanceOf(StagedImportError);
    // The message names the cause; it is also kept on the import's record (and in the server log).
    await expect(failing).rejects.toMatchObject({ status: 500, code: "IMPORT_ROLLED_BACK" });
    await expect(failing).rejects.toThrow(/rolled back and nothing was written: disk full \(simulated\)/);

    expect(seenWhileStaging).toEqual({ staged: true, counts: before, node: 404, search: 0 });
    expect(await readCounts(db)).toEqual(before);
    expect(await stagedLeft(db)).toBe(0);
    const [status] = await db.read(
      "MATCH (i:Import) RETURN i.status AS s, i.error AS e",
      {},
      (r) => `${r.get("s")}: ${r.get("e")}`,
    );
    expect(status).toBe("rolled back: disk full (simulated)");
  });

  it("should leave nothing when a staging transaction fails while others of its step are still writing", async () => {
    const before = await readCounts(db);
    let chunks = 0;
    const failing = loadImportFile(db, file, {
      ...staged,
      staged: {
        ...staged.staged,
        parallelism: 3,
        onStep: (step) => {
          if (step === "staged-chunk" && ++chunks === 4) throw new Error("connection reset (simulated)");
        },
      },
    });
    await expect(failing).rejects.toBeInstanceOf(StagedImportError);
    expect(await readCounts(db)).toEqual(before);
    expect(await stagedLeft(db)).toBe(0);
  });

  it("should update nodes that already exist only when it publishes, and stay idempotent", async () => {
    await loadImportFile(db, file, { stageAboveRows: Number.POSITIVE_INFINITY });
    const before = await readCounts(db);
    const renamed = { ...file, nodes: file.nodes.map((n, i) => (i === 0 ? { ...n, name: `${n.name} (renamed)` } : n)) };
    await loadImportFile(db, renamed, staged);
    expect(await readCounts(db)).toEqual(before);
    const [name] = await db.read(
      "MATCH (n:Entity {id: $id}) RETURN n.name AS name",
      { id: file.nodes[0]!.id },
      (r) => r.get("name") as string,
    );
    expect(name).toBe(`${file.nodes[0]!.name} (renamed)`);
  });

  it("should roll back at the next start an import a stopped process left staging", async () => {
    await loadImportFile(db, seedDataset());
    const before = await readCounts(db);
    // What a process killed mid-staging leaves: the import's record and some staged nodes and links.
    await db.writeTx(async (tx) => {
      await tx.run("CREATE (:Import {id: 'import-killed', status: 'staging'})");
      await tx.run(
        "CREATE (a:Staged {id: 'p-x', importId: 'import-killed', stagedLabels: 'Entity:Person'})-[:PARTICIPATED_IN]->(:Staged {id: 'e-x', importId: 'import-killed', stagedLabels: 'Entity:Event'})",
      );
    });
    expect(await recoverStagedImports(db)).toBe(1);
    expect(await stagedLeft(db)).toBe(0);
    expect(await importStatus(db, "import-killed")).toBe("rolled back");
    expect(await readCounts(db)).toEqual(before);
    expect(await recoverStagedImports(db)).toBe(0);
  });

  it("should look staged nodes up by id, never scan them, even when the statistics say the staging index is empty", async () => {
    // A trial load stalled for one to two minutes: its plans were made while the staging index's last sample still
    // said it was empty, so scanning all of it for every row looked free.
    const session = db.driver.session();
    try {
      await session.run("CALL db.prepareForReplanning()");
    } finally {
      await session.close();
    }
    await db.writeTx((tx) => tx.run("UNWIND range(1, 20000) AS i CREATE (:Staged:StagedPerson {id: 'person-' + i})"));
    const dir = path.join(ROOT_DIR, "cypher", "queries", "ingest", "staged");
    const lookups = readdirSync(dir).filter((name) =>
      readFileSync(path.join(dir, name), "utf8").includes(":Staged(id)"),
    );
    expect(lookups.length).toBeGreaterThanOrEqual(7);
    for (const name of lookups) {
      const file = `queries/ingest/staged/${name.replace(/\.cypher$/, "")}`;
      const query = cypher(file, slotsOf(file).includes("type") ? { type: "PARTICIPATED_IN" } : {});
      const session = db.driver.session();
      try {
        const result = await session.run(`CYPHER replan=force EXPLAIN ${query}`, { rows: [] });
        const operators = planOperators(result.summary.plan as unknown as PlanNode);
        expect(
          operators.filter((o) => /Scan/.test(o)),
          name,
        ).toEqual([]);
        expect(operators.filter((o) => /NodeIndexSeek/.test(o)).length, name).toBeGreaterThan(0);
      } finally {
        await session.close();
      }
    }
  });
});

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

function planOperators(plan: PlanNode): string[] {
  return [plan.operatorType, ...plan.children.flatMap(planOperators)];
}
