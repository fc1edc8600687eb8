/**
 * Events of a dense node
 * ======================
 *
 * A topic or a capital city can be linked to a large share of all events. Its details page reads its events in
 * date order from the event date index instead of sorting them all (cypher/queries/nodes/node-events.cypher).
 * Both ways must give the very same pages: oldest first, undated last, ties on a day broken by id, the same total,
 * including pages that straddle a day or reach the undated events. The invented file below makes every such case:
 * sixty events about one topic on three days and a few undated, created in an order unlike their ids. The topic is
 * also the subject of more agreements than a details panel lists. Most events happened in one city, and events and
 * agreements carry from none to three citations, so that a neighbours page (ordered by evidence, then name, then id)
 * has ties of every kind to break. A quantity about the topic is linked to it without being one of its neighbours.
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
const ARTICLE = "fx-dense-art";

/** How many citations event or agreement number `k` carries (none to three). */
const eventCitations = (k: number) => (k * 7) % 4;
const agreementCitations = (k: number) => (k * 5) % 3;
/** Events held in the city: all but every fifth. */
const inCity = (k: number) => k % 5 !== 0;

/** `count` distinct spans of the fixture's article. */
function citations(count: number) {
  return Array.from({ length: count }, (_, j) => ({ article: ARTICLE, paragraph: 0, start: 4 * j, end: 4 * j + 3 }));
}

const eventId = (k: number) => `fx-dense-evt-${String(k).padStart(3, "0")}`;
const agreementId = (k: number) => `fx-dense-agr-${String(k).padStart(3, "0")}`;
const agreementName = (k: number) => `Dense accord ${String(k).padStart(3, "0")}`;

/** Event ids in a scrambled creation order (a multiplier coprime with the count), so node order is not id order. */
function denseFile() {
  const events = Array.from({ length: EVENTS + UNDATED }, (_, i) => (i * 37) % (EVENTS + UNDATED)).map((k) => ({
    id: eventId(k),
    type: "event",
    kind: "meeting",
    name: `Dense meeting ${k}`,
    ...(k < EVENTS ? { date: DAYS[k % DAYS.length] } : {}),
    topics: ["fx-dense-topic"],
    ...(inCity(k) ? { place: "fx-dense-city" } : {}),
    participants: [{ actor: "fx-dense-a" }, { actor: k % 2 ? "fx-dense-b" : "fx-dense-c" }],
    evidence: citations(eventCitations(k)),
  }));
  return {
    format: "parley-import",
    version: 1,
    articles: [{ id: ARTICLE, title: "Invented dense article", text: "Many meetings took place in the city.\n" }],
    nodes: [
      { id: "fx-dense-topic", type: "topic", name: "Dense topic" },
      { id: "fx-dense-city", type: "place", kind: "city", name: "Dense city" },
      { id: "fx-dense-a", type: "person", name: "Dense A" },
      { id: "fx-dense-b", type: "person", name: "Dense B" },
      { id: "fx-dense-c", type: "person", name: "Dense C" },
      ...events,
      ...Array.from({ length: AGREEMENTS }, (_, i) => (i * 31) % AGREEMENTS).map((k) => ({
        id: agreementId(k),
        type: "agreement",
        name: agreementName(k),
        topics: ["fx-dense-topic"],
        parties: ["fx-dense-a", "fx-dense-b"],
        evidence: citations(agreementCitations(k)),
      })),
    ],
    // A figure about the topic: linked to it like its events, but not an entity, so not one of its neighbours.
    quantities: [
      { id: "fx-dense-qty", measure: "Invented dense total", value: 12, unit: "meetings", about: ["fx-dense-topic"] },
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

  /** Every neighbour of `id` through the API, 50 a page, checking that each page reports the same total. */
  async function neighbourPages(id: string) {
    const { app } = createTestApp(db);
    const items: { id: string; label: string; evidenceCount: number }[] = [];
    let total = 0;
    for (let offset = 0; offset === 0 || offset < total + 50; offset += 50) {
      const res = await request(app).get(`/api/nodes/${id}/neighbors?limit=50&offset=${offset}`).expect(200);
      if (offset > 0) expect(res.body.total, `${id} total at offset ${offset}`).toBe(total);
      total = res.body.total;
      expect(res.body.items.length, `${id} page at ${offset}`).toBe(Math.max(0, Math.min(50, total - offset)));
      items.push(...(res.body.items as typeof items));
    }
    return { total, items };
  }

  /** Neighbours in the API's order: most evidence first, then by name, then by id (code point order, as Cypher). */
  const inPageOrder = (rows: { id: string; label: string; evidenceCount: number }[]) =>
    [...rows].sort(
      (x, y) =>
        y.evidenceCount - x.evidenceCount ||
        (x.label < y.label ? -1 : x.label > y.label ? 1 : 0) ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );

  const eventRows = (keep: (k: number) => boolean) =>
    Array.from({ length: EVENTS + UNDATED }, (_, k) => k)
      .filter(keep)
      .map((k) => ({ id: eventId(k), label: `Dense meeting ${k}`, evidenceCount: eventCitations(k) }));
  const agreementRows = () =>
    Array.from({ length: AGREEMENTS }, (_, k) => ({
      id: agreementId(k),
      label: agreementName(k),
      evidenceCount: agreementCitations(k),
    }));

  it("should page a dense topic's and a city's neighbours by evidence, name and id, with their total", async () => {
    for (const [id, expected] of [
      ["fx-dense-topic", inPageOrder([...eventRows(() => true), ...agreementRows()])],
      ["fx-dense-city", inPageOrder(eventRows(inCity))],
    ] as const) {
      const { total, items } = await neighbourPages(id);
      expect(total, id).toBe(expected.length);
      expect(
        items.map(({ id, label, evidenceCount }) => ({ id, label, evidenceCount })),
        id,
      ).toEqual(expected);
    }
  });

  it("should page the busiest actor's neighbours (people met, agreements signed) in the same order", async () => {
    const { total, items } = await neighbourPages("fx-dense-a");
    // B and C, whom A met, and every agreement A is party to.
    expect(total).toBe(2 + AGREEMENTS);
    expect(items.map((i) => i.id).sort()).toEqual(
      ["fx-dense-b", "fx-dense-c", ...agreementRows().map((a) => a.id)].sort(),
    );
    expect(items).toEqual(inPageOrder(items));
    const agreements = new Map(agreementRows().map((a) => [a.id, a.evidenceCount]));
    for (const item of items.filter((i) => agreements.has(i.id)))
      expect(item.evidenceCount, item.id).toBe(agreements.get(item.id));
  });

  it("should page a city's events oldest first with their total, as sorting them all does", async () => {
    const { app } = createTestApp(db);
    const sorted = await page("fx-dense-city", 100, 0, "never");
    expect(sorted.total).toBe(eventRows(inCity).length);
    const seen: string[] = [];
    for (let offset = 0; offset < sorted.total + 25; offset += 25) {
      const res = await request(app).get(`/api/nodes/fx-dense-city?eventsOffset=${offset}`).expect(200);
      expect(res.body.eventsTotal).toBe(sorted.total);
      seen.push(...(res.body.events as { id: string }[]).map((e) => e.id));
    }
    expect(seen).toEqual(sorted.events.map((e) => e.id));
  });
});
