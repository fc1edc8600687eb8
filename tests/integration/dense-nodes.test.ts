/**
 * Events of a dense node
 * ======================
 *
 * A topic or a capital city can be linked to a large share of all events. Its details page reads its events in
 * date order from the event date index instead of sorting them all (cypher/queries/nodes/node-events.cypher).
 * Both ways must give the very same pages: oldest first, undated last, ties on a day broken by id, the same total,
 * including pages that straddle a day or reach the undated events. The invented file below makes every such case:
 * sixty events about one topic on three days and a few undated, created in an order unlike their ids. The topic is
 * also the subject of more agreements than a details panel lists.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { AGREEMENTS_SHOWN, type EventsWalk, readNodeEvents } from "../../server/modules/nodes/nodes.repository.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const DAYS = ["2021-03-04", "2021-03-05", "2021-07-01"];
const EVENTS = 60;
const UNDATED = 5;
const AGREEMENTS = AGREEMENTS_SHOWN + 7;

/** Event ids in a scrambled creation order (a multiplier coprime with the count), so node order is not id order. */
function denseFile() {
  const events = Array.from({ length: EVENTS + UNDATED }, (_, i) => (i * 37) % (EVENTS + UNDATED)).map((k) => ({
    id: `fx-dense-evt-${String(k).padStart(3, "0")}`,
    type: "event",
    kind: "meeting",
    name: `Dense meeting ${k}`,
    ...(k < EVENTS ? { date: DAYS[k % DAYS.length] } : {}),
    topics: ["fx-dense-topic"],
    participants: [{ actor: "fx-dense-a" }, { actor: k % 2 ? "fx-dense-b" : "fx-dense-c" }],
  }));
  return {
    format: "parley-import",
    version: 1,
    articles: [],
    nodes: [
      { id: "fx-dense-topic", type: "topic", name: "Dense topic" },
      { id: "fx-dense-a", type: "person", name: "Dense A" },
      { id: "fx-dense-b", type: "person", name: "Dense B" },
      { id: "fx-dense-c", type: "person", name: "Dense C" },
      ...events,
      ...Array.from({ length: AGREEMENTS }, (_, k) => ({
        id: `fx-dense-agr-${String((k * 31) % AGREEMENTS).padStart(3, "0")}`,
        type: "agreement",
        name: `Dense accord ${String((k * 31) % AGREEMENTS).padStart(3, "0")}`,
        topics: ["fx-dense-topic"],
        parties: ["fx-dense-a", "fx-dense-b"],
      })),
    ],
  };
}

describe("node events #dense", () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, denseFile());
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  const page = (id: string, limit: number, offset: number, walk: EventsWalk) =>
    db.readTx((tx) => readNodeEvents(tx, id, limit, offset, walk));

  it("should give the same pages walking the date index as sorting every event, ties and undated ones included", async () => {
    const pages: [number, number][] = [
      [25, 0],
      [7, 15],
      [10, 20],
      [25, 25],
      [10, 55],
      [25, 60],
      [10, 70],
    ];
    for (const id of ["fx-dense-topic", "fx-dense-a", "fx-dense-b"]) {
      const sorted = await page(id, 100, 0, "never");
      const ids = sorted.events.map((e) => e.id);
      for (const [limit, offset] of pages) {
        const walked = await page(id, limit, offset, "always");
        expect(walked.total, `${id} ${offset}+${limit}`).toBe(sorted.total);
        expect(
          walked.events.map((e) => e.id),
          `${id} ${offset}+${limit}`,
        ).toEqual(ids.slice(offset, offset + limit));
      }
    }
  });

  it("should list a topic's events oldest first, a day's events by id, the undated last", async () => {
    const { events, total } = await page("fx-dense-topic", 100, 0, "auto");
    expect(total).toBe(EVENTS + UNDATED);
    const keys = events.map((e) => `${e.dateStart ?? "~undated"} ${e.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(events.slice(-UNDATED).every((e) => e.dateStart === null)).toBe(true);
  });

  it("should page a dense topic's events through the API without gaps or repeats", async () => {
    const { app } = createTestApp(db);
    const seen: string[] = [];
    for (let offset = 0; offset < EVENTS + UNDATED; offset += 20) {
      const res = await request(app).get(`/api/nodes/fx-dense-topic?events=20&eventsOffset=${offset}`).expect(200);
      expect(res.body.eventsTotal).toBe(EVENTS + UNDATED);
      seen.push(...(res.body.events as { id: string }[]).map((e) => e.id));
    }
    expect(new Set(seen).size).toBe(EVENTS + UNDATED);
  });

  it("should list the first agreements by name with how many there are, for a topic with more than a panel shows", async () => {
    const { app } = createTestApp(db);
    const res = await request(app).get("/api/nodes/fx-dense-topic").expect(200);
    expect(res.body.agreementsTotal).toBe(AGREEMENTS);
    const names = (res.body.agreements as { label: string }[]).map((a) => a.label);
    expect(names).toEqual(
      Array.from({ length: AGREEMENTS_SHOWN }, (_, k) => `Dense accord ${String(k).padStart(3, "0")}`),
    );
    // A party to all of them gets the same short list and count.
    const party = await request(app).get("/api/nodes/fx-dense-a").expect(200);
    expect(party.body.agreementsTotal).toBe(AGREEMENTS);
    expect(party.body.agreements).toHaveLength(AGREEMENTS_SHOWN);
  });
});
