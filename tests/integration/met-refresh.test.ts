/**
 * Incremental MET refresh
 * =======================
 *
 * The import's three-pass MET refresh (mark, build each pair once, unmark) gives the same projection as a full
 * recomputation, also when a pair's actors fall in different batches and when a second file touches some actors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENCOUNTER_KINDS } from "../../contracts/vocabulary.js";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../helpers/load.js";
import { generateSynthetic } from "../bench/synthetic.js";
import { openTestDatabase, resetDatabase } from "../helpers/db.js";

type MetRow = {
  pair: string;
  count: number;
  evidence: number;
  events: string[];
  topics: string[];
  first: string | null;
  last: string | null;
};

async function readMet(db: Database): Promise<MetRow[]> {
  return db.read(
    "MATCH (a)-[m:MET]->(b) RETURN a.id + '|' + b.id AS pair, m.count AS count, m.evidence AS evidence, m.events AS events, m.topics AS topics, toString(m.first) AS first, toString(m.last) AS last ORDER BY pair",
    {},
    (r) => ({
      pair: r.get("pair"),
      count: Number(r.get("count")),
      evidence: Number(r.get("evidence")),
      events: [...(r.get("events") as string[])].sort(),
      topics: [...(r.get("topics") as string[])].sort(),
      first: r.get("first"),
      last: r.get("last"),
    }),
  );
}

/** The reference: the whole projection dropped and recomputed in one plain statement (no batches, no stamps). */
async function recomputeAll(db: Database): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run("MATCH ()-[m:MET]->() DELETE m");
    await tx.run(
      `MATCH (a:Entity)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Entity)
       WHERE e.kind IN $kinds AND coalesce(e.status, 'accepted') <> 'rejected' AND a.id < b.id
       WITH a, b, collect(DISTINCT e) AS events
       CALL (events) {
         UNWIND events AS e
         OPTIONAL MATCH (e)-[:ABOUT]->(t:Topic)
         RETURN collect(DISTINCT t.id) AS topics
       }
       CALL (events) {
         UNWIND events AS e
         MATCH (e)-[c:EVIDENCED_BY]->()
         RETURN count(c) AS evidence
       }
       WITH a, b, events, topics, evidence, [e IN events WHERE e.dateStart IS NOT NULL | e.dateStart] AS dates
       CREATE (a)-[:MET {count: size(events), evidence: evidence, events: [e IN events | e.id], topics: topics,
         first: CASE WHEN size(dates) = 0 THEN null ELSE reduce(d = dates[0], v IN dates | CASE WHEN v < d THEN v ELSE d END) END,
         last: CASE WHEN size(dates) = 0 THEN null ELSE reduce(d = dates[0], v IN dates | CASE WHEN v > d THEN v ELSE d END) END}]->(b)`,
      { kinds: [...ENCOUNTER_KINDS] },
    );
  });
}

/** Small batches, so that most pairs have their two actors in different batches. */
const SMALL_BATCHES = { batchSize: 37 };

describe("ingest #met-refresh", () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it("should equal a full recomputation after one file and after a second overlapping file", async () => {
    const file = generateSynthetic({ actors: 300, events: 900, seed: 11 });
    await loadImportFile(db, file, SMALL_BATCHES);
    const incremental = await readMet(db);
    expect(incremental.length).toBeGreaterThan(0);
    await recomputeAll(db);
    expect(await readMet(db)).toEqual(incremental);

    // A second file re-states some events with other participants: only the touched actors are refreshed.
    const events = file.nodes.filter((n) => n.type === "event").slice(0, 100);
    const others = file.nodes.filter((n) => n.type === "person").slice(0, 50);
    const second = {
      ...file,
      nodes: [
        ...file.nodes.filter((n) => n.type !== "event" && n.type !== "agreement"),
        ...events.map((e, i) => ({
          ...e,
          produced: [],
          participants: [
            { actor: others[i % others.length]!.id, role: "host" as const },
            ...(e.participants ?? []).slice(1),
          ],
        })),
      ],
    };
    await loadImportFile(db, second, SMALL_BATCHES);
    const afterSecond = await readMet(db);
    await recomputeAll(db);
    expect(await readMet(db)).toEqual(afterSecond);

    // A third file only cites some existing events anew (extend mode, no participants stated): the evidence count
    // stored on their participants' MET links follows.
    const cited = events.slice(0, 20).map((e) => ({
      id: e.id,
      type: "event" as const,
      name: e.name,
      mode: "extend" as const,
      evidence: [{ article: file.articles![0]!.id, paragraph: 99, start: 0, end: 10, by: "curator" }],
    }));
    await loadImportFile(db, { ...file, nodes: cited, roles: [] }, SMALL_BATCHES);
    const afterThird = await readMet(db);
    expect(afterThird.reduce((s, m) => s + m.evidence, 0)).toBeGreaterThan(
      afterSecond.reduce((s, m) => s + m.evidence, 0),
    );
    await recomputeAll(db);
    expect(await readMet(db)).toEqual(afterThird);

    const marks = await db.read("MATCH (a:Entity) WHERE a.metRefresh IS NOT NULL RETURN count(a) AS n", {}, (r) =>
      Number(r.get("n")),
    );
    expect(marks[0]).toBe(0);
  });
});
