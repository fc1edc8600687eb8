/**
 * Neighbours of a hub
 * ===================
 *
 * A hub's neighbours page (cypher/queries/nodes/neighbors.cypher) is read from the evidence-rank indexes: events and
 * agreements in order of their stored evidence rank (their citations negated, cypher/fragments/evidence-rank.cypher),
 * then name, checking each one's link to the hub. Both ways must give the very same pages as reading every
 * neighbour's evidence, ties on rank and name included (several events and agreements share a name here), and the
 * stored rank must stay right on every write that changes a citation: a load, a staged load, a merge and its revert,
 * a delete, a restore and the as-of rewind. Each test below checks every event's and agreement's rank against its
 * citations, and both ways against each other, after one such write.
 */
import type { ManagedTransaction } from "neo4j-driver";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTOR_TYPES } from "../../contracts/vocabulary.js";
import type { Database } from "../../server/db/database.js";
import { restoreBackup, writeBackup } from "../../server/modules/curation/backup.js";
import { deleteNode, mergeNodes, revertChange } from "../../server/modules/curation/curation.service.js";
import { readAsOf } from "../../server/modules/history/history.service.js";
import {
  readNeighbors,
  readNode,
  readNodeEvents,
  stampEvidenceRanks,
} from "../../server/modules/nodes/nodes.repository.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const EVENTS = 30;
const AGREEMENTS = 12;
const ARTICLE = "fx-hub-art";
const HUBS = ["fx-hub-topic", "fx-hub-city", "fx-hub-land"];
/** An article long enough for every span cited below (4 characters each, up to offset 4,500). */
const TEXT = "Many meetings took place in the city. ".repeat(150);

const eventId = (k: number) => `fx-hub-evt-${String(k).padStart(3, "0")}`;
const agreementId = (k: number) => `fx-hub-agr-${String(k).padStart(3, "0")}`;

/** `count` distinct spans of `article`, from `from` on. */
function citations(count: number, from = 0, article = ARTICLE) {
  return Array.from({ length: count }, (_, j) => ({
    article,
    paragraph: 0,
    start: 4 * (from + j),
    end: 4 * (from + j) + 3,
  }));
}

/**
 * Events about the topic, held in the city or in the country (which takes part in some of its own: an actor's
 * participation is not one of its neighbour links), four names among thirty and none to three citations each;
 * agreements about the topic, three names among twelve. `extra` gives event `k` that many more citations; the
 * agreements in `aboutless` are about nothing.
 */
function hubFile(extra: Record<number, number> = {}, aboutless: number[] = []) {
  return {
    format: "parley-import",
    version: 1,
    articles: [{ id: ARTICLE, title: "Invented hub article", text: TEXT }],
    nodes: [
      { id: "fx-hub-topic", type: "topic", name: "Hub topic" },
      { id: "fx-hub-land", type: "country", name: "Hubland" },
      { id: "fx-hub-city", type: "place", kind: "city", name: "Hub city", country: "fx-hub-land" },
      { id: "fx-hub-a", type: "person", name: "Hub A" },
      { id: "fx-hub-b", type: "person", name: "Hub B" },
      ...Array.from({ length: EVENTS }, (_, i) => (i * 7) % EVENTS).map((k) => ({
        id: eventId(k),
        type: "event",
        kind: "meeting",
        name: `Hub summit ${k % 4}`,
        date: `2021-0${1 + (k % 9)}-1${k % 10}`,
        topics: ["fx-hub-topic"],
        place: k % 3 ? "fx-hub-city" : "fx-hub-land",
        participants: [
          { actor: "fx-hub-a" },
          { actor: "fx-hub-b" },
          ...(k % 5 === 0 ? [{ actor: "fx-hub-land" }] : []),
        ],
        evidence: citations(((k * 7) % 4) + (extra[k] ?? 0), 10 * k),
      })),
      ...Array.from({ length: AGREEMENTS }, (_, i) => (i * 5) % AGREEMENTS).map((k) => ({
        id: agreementId(k),
        type: "agreement",
        name: `Hub accord ${k % 3}`,
        topics: aboutless.includes(k) ? [] : ["fx-hub-topic"],
        parties: ["fx-hub-a"],
        evidence: citations(k % 3, 1000 + 10 * k),
      })),
    ],
    quantities: [
      { id: "fx-hub-qty", measure: "Invented hub total", value: 3, unit: "meetings", about: ["fx-hub-topic"] },
    ],
  };
}

/**
 * Events and agreements whose stored rank is not their citations negated, other entities that have one, and topics
 * whose stored count of agreements about them is not that count.
 */
async function staleRanks(tx: ManagedTransaction): Promise<string[]> {
  const result = await tx.run(
    `MATCH (n:Entity)
     WHERE CASE WHEN n:Event OR n:Agreement
                THEN n.evidenceRank IS NULL OR n.evidenceRank <> -COUNT { (n)-[:EVIDENCED_BY]->() }
                ELSE n.evidenceRank IS NOT NULL END
        OR n:Topic AND (n.agreementsAbout IS NULL
                        OR n.agreementsAbout <> COUNT { MATCH (:Agreement)-[:ABOUT]->(n) })
     RETURN n.id AS id ORDER BY id`,
  );
  return result.records.map((r) => r.get("id") as string);
}

/** The stored rank of one entity. */
async function rankOf(tx: ManagedTransaction, id: string): Promise<number | null> {
  const result = await tx.run("MATCH (n:Entity {id: $id}) RETURN n.evidenceRank AS rank", { id });
  const rank = result.records[0]?.get("rank");
  return rank === null || rank === undefined ? null : Number(rank);
}

/** Pages of every hub, read walking the indexes and reading every neighbour, which must be the same. */
async function expectSameWays(tx: ManagedTransaction): Promise<void> {
  const pages: [number, number][] = [
    [5, 0],
    [5, 5],
    [7, 3],
    [3, 11],
    [4, 20],
    [50, 0],
    [10, 40],
  ];
  for (const id of HUBS) {
    const all = await readNeighbors(tx, id, ACTOR_TYPES, 0, 100, "never");
    expect(all, id).not.toBeNull();
    const ids = all!.page.map((row) => row.node.id);
    expect(all!.total, id).toBe(ids.length);
    for (const [limit, offset] of pages) {
      const label = `${id} ${offset}+${limit}`;
      const walked = await readNeighbors(tx, id, ACTOR_TYPES, offset, limit, "always");
      const plain = await readNeighbors(tx, id, ACTOR_TYPES, offset, limit, "never");
      expect(walked, label).toEqual(plain);
      expect(
        walked!.page.map((row) => row.node.id),
        label,
      ).toEqual(ids.slice(offset, offset + limit));
    }
  }
}

/**
 * Event pages of every hub, read walking the date index and sorting every event: the same events and the same
 * total, which the walk reads from degrees (the country both hosts and takes part in some of its events).
 */
async function expectSameEventPages(tx: ManagedTransaction): Promise<void> {
  for (const id of HUBS) {
    const all = await readNodeEvents(tx, id, 100, 0, "never");
    for (const [limit, offset] of [
      [5, 0],
      [7, 4],
      [25, 10],
    ] as const) {
      const walked = await readNodeEvents(tx, id, limit, offset, "always");
      expect(walked.total, `${id} ${offset}+${limit}`).toBe(all.total);
      expect(
        walked.events.map((e) => e.id),
        `${id} ${offset}+${limit}`,
      ).toEqual(all.events.slice(offset, offset + limit).map((e) => e.id));
    }
  }
}

/** The topic's details read both ways (its agreements from the name index, and expanded): the same. */
async function expectSameDetails(tx: ManagedTransaction): Promise<void> {
  const walked = await readNode(tx, "fx-hub-topic", "always");
  const plain = await readNode(tx, "fx-hub-topic", "never");
  expect(walked).toEqual(plain);
  expect(walked!.quantities.map((q) => q.id)).toEqual(["fx-hub-qty"]);
}

async function backupText(db: Database): Promise<string> {
  const chunks: string[] = [];
  await writeBackup(db, { write: async (chunk) => void chunks.push(chunk) });
  return chunks.join("");
}

describe("nodes #hub-neighbours", () => {
  let db: Database;
  const actor = { by: "test", reason: "hub neighbours test" };

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, hubFile());
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  const check = () =>
    db.readTx(async (tx) => {
      expect(await staleRanks(tx)).toEqual([]);
      await expectSameWays(tx);
      await expectSameEventPages(tx);
      await expectSameDetails(tx);
    });

  it("should page a hub's neighbours walking the rank indexes as reading them all, ties on name included", async () => {
    await check();
    // The topic's neighbours are its events and agreements; the city's its events and its country; the country's
    // the events held there and the city (not the events it took part in, nor the people it met there).
    const counts = await db.readTx(async (tx) =>
      Promise.all(HUBS.map(async (id) => (await readNeighbors(tx, id, ACTOR_TYPES, 0, 1))!.total)),
    );
    expect(counts).toEqual([EVENTS + AGREEMENTS, 20 + 1, 10 + 1 + 2]);
    // The country's events: the ten it hosted and the four more it took part in elsewhere (k = 5, 10, 20, 25).
    expect((await db.readTx((tx) => readNodeEvents(tx, "fx-hub-land", 1, 0, "always"))).total).toBe(14);
  });

  it("should keep the rank when a load adds citations to an event that has some, and for new events", async () => {
    const before = await db.readTx((tx) => rankOf(tx, eventId(1)));
    // Agreement 6 is about nothing in this file: the topic's count of agreements drops.
    await loadImportFile(db, hubFile({ 1: 3 }, [6]));
    expect(await db.readTx((tx) => rankOf(tx, eventId(1)))).toBe(before! - 3);
    expect((await db.readTx((tx) => readNode(tx, "fx-hub-topic")))!.agreementsTotal).toBe(AGREEMENTS - 1);
    await check();
  });

  it("should keep the rank through a staged load: new events staged, citations of known ones when publishing", async () => {
    const file = hubFile({ 1: 3, 2: 2 });
    file.nodes.push({
      id: "fx-hub-evt-new",
      type: "event",
      kind: "meeting",
      name: "Hub summit 1",
      date: "2021-05-05",
      topics: ["fx-hub-topic"],
      place: "fx-hub-city",
      participants: [{ actor: "fx-hub-a" }, { actor: "fx-hub-b" }],
      evidence: citations(2, 0, "fx-hub-art-2"),
    });
    file.articles.push({ id: "fx-hub-art-2", title: "Invented second hub article", text: `Another. ${TEXT}` });
    // A new topic and a new agreement about it and the known topic: the first link is staged, the second written
    // when publishing, as agreement 6's link to the topic, back in this file.
    file.nodes.push(
      { id: "fx-hub-topic-2", type: "topic", name: "Second hub topic" },
      {
        id: "fx-hub-agr-new",
        type: "agreement",
        name: "Hub accord 1",
        topics: ["fx-hub-topic", "fx-hub-topic-2"],
        parties: ["fx-hub-a"],
        evidence: citations(1, 0, "fx-hub-art-2"),
      },
    );
    await loadImportFile(db, file, { stageAboveRows: 0, staged: { chunkRows: 10 } });
    expect(await db.readTx((tx) => rankOf(tx, "fx-hub-evt-new"))).toBe(-2);
    expect((await db.readTx((tx) => readNode(tx, "fx-hub-topic")))!.agreementsTotal).toBe(AGREEMENTS + 1);
    expect((await db.readTx((tx) => readNode(tx, "fx-hub-topic-2")))!.agreementsTotal).toBe(1);
    await check();
  });

  it("should keep the rank when curation merges two events, and when the merge is reverted", async () => {
    const [kept, merged] = await db.readTx(async (tx) => [await rankOf(tx, eventId(3)), await rankOf(tx, eventId(7))]);
    const change = await mergeNodes(db, { keep: eventId(3), merge: eventId(7), reason: actor.reason }, actor.by);
    expect(await db.readTx((tx) => rankOf(tx, eventId(3)))).toBe(kept! + merged!);
    await check();
    await revertChange(db, change.id, actor.by);
    expect(await db.readTx((tx) => rankOf(tx, eventId(3)))).toBe(kept);
    expect(await db.readTx((tx) => rankOf(tx, eventId(7)))).toBe(merged);
    await check();
  });

  it("should keep the rank when curation deletes an event and an agreement", async () => {
    await deleteNode(db, eventId(5), actor);
    await deleteNode(db, agreementId(4), actor);
    await check();
  });

  it("should keep the rank as known on a date, in the rewound transaction", async () => {
    // Everything known since 2020, but for the citations added to events 1 and 2 by the later loads (their spans
    // follow the first ones: event k's start at 4 * 10k) and those of the staged article (known now).
    await db.writeTx(async (tx) => {
      await tx.run("MATCH (n:Entity) SET n.knownFrom = datetime('2020-01-01T00:00:00Z')");
      await tx.run(
        "MATCH (:Entity)-[r]->(:Entity) WHERE r.knownFrom IS NOT NULL SET r.knownFrom = datetime('2020-01-01T00:00:00Z')",
      );
      await tx.run(
        `MATCH (ev:Evidence) SET ev.createdAt = datetime('2020-01-01T00:00:00Z')
         WITH ev
         WHERE ev.article = 'fx-hub-art-2' OR (ev.subject = $one AND ev.start >= 4 * 13)
            OR (ev.subject = $two AND ev.start >= 4 * 22)
         SET ev.createdAt = datetime()`,
        { one: eventId(1), two: eventId(2) },
      );
    });
    // And agreement 0's link to the topic is known only now.
    await db.writeTx((tx) =>
      tx.run("MATCH (:Agreement {id: $id})-[r:ABOUT]->(:Topic {id: 'fx-hub-topic'}) SET r.knownFrom = datetime()", {
        id: agreementId(0),
      }),
    );
    const today = await db.readTx(async (tx) => [await rankOf(tx, eventId(1)), await readNode(tx, "fx-hub-topic")]);
    const then = await readAsOf(db, "2021-01-01", async (tx) => {
      expect(await staleRanks(tx)).toEqual([]);
      await expectSameWays(tx);
      await expectSameEventPages(tx);
      await expectSameDetails(tx);
      return [await rankOf(tx, eventId(1)), await readNode(tx, "fx-hub-topic")] as const;
    });
    // Event 1 had (1 * 7) % 4 = 3 citations before the loads that added three more.
    expect(today[0]).toBe(-6);
    expect(then[0]).toBe(-3);
    // The agreement learned by the staged load and agreement 0's link are not known then (the stored count of the
    // rewound topic is checked against its links above).
    const total = (node: unknown) => (node as { agreementsTotal: number }).agreementsTotal;
    expect(total(then[1])).toBeLessThan(total(today[1]));
    await check();
  });

  it("should keep the rank through a backup restored into an empty database", async () => {
    const text = await backupText(db);
    // The stored counts are derived: not in the backup, nor in the details' free properties.
    expect(text).not.toMatch(/evidenceRank|agreementsAbout/);
    const { app } = createTestApp(db);
    for (const id of ["fx-hub-topic", agreementId(1), eventId(1)]) {
      const res = await request(app).get(`/api/nodes/${id}`).expect(200);
      expect(Object.keys(res.body.properties as object), id).not.toContain("evidenceRank");
      expect(Object.keys(res.body.properties as object), id).not.toContain("agreementsAbout");
    }
    await resetDatabase(db);
    await restoreBackup(db, JSON.parse(text));
    await check();
    expect(await backupText(db)).toBe(text);
  });

  it("should give data loaded before the counts were stored their counts at start-up, and leave right ones alone", async () => {
    await db.writeTx(async (tx) => {
      await tx.run("MATCH (n:Event) WHERE n.id IN $ids REMOVE n.evidenceRank", { ids: [eventId(8), eventId(9)] });
      await tx.run("MATCH (n:Agreement {id: $id}) SET n.evidenceRank = 7", { id: agreementId(2) });
      await tx.run("MATCH (t:Topic {id: 'fx-hub-topic'}) REMOVE t.agreementsAbout");
    });
    expect(await db.readTx(staleRanks)).toEqual([agreementId(2), eventId(8), eventId(9), "fx-hub-topic"].sort());
    expect(await stampEvidenceRanks(db)).toBe(true);
    await check();
    expect(await stampEvidenceRanks(db)).toBe(false);
  });
});
