/**
 * Places on the map
 * =================
 *
 * Coordinates settled when places are written, and `GET /api/places`, on an invented file: places in France,
 * Lebanon and Libya; a "Tripoli" that belongs to Lebanon (settled by its country) and one that belongs to no
 * country (asked in review, then placed by the reviewer's choice); a village too small for the world table (its
 * country's point); a hamlet whose coordinates the file gives. Counts follow the graph's filters and time window;
 * a visit is an arc from the visitor's country.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlacesDto } from "../../contracts/places.js";
import type { Database } from "../../server/db/database.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";
import { validateImport } from "../../server/modules/ingest/import.validate.js";
import { settleAllCoordinates } from "../../server/modules/places/places.service.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

const event = (id: string, kind: string, date: string, place: string, participants: [string, string?][]) => ({
  id,
  type: "event",
  kind,
  name: `Invented ${kind} ${id}`,
  date,
  place,
  participants: participants.map(([actor, role]) => ({ actor, ...(role ? { role } : {}) })),
});

const file = {
  format: "parley-import",
  version: 1,
  nodes: [
    { id: "fx-pl-france", type: "country", name: "France" },
    { id: "fx-pl-lebanon", type: "country", name: "Lebanon" },
    { id: "fx-pl-libya", type: "country", name: "Libya" },
    { id: "fx-pl-gov-libya", type: "government", name: "Invented Government of Libya", country: "fx-pl-libya" },
    { id: "fx-pl-paris", type: "place", kind: "city", name: "Paris", country: "fx-pl-france" },
    { id: "fx-pl-tripoli-lb", type: "place", kind: "city", name: "Tripoli", country: "fx-pl-lebanon" },
    { id: "fx-pl-tripoli", type: "place", kind: "city", name: "Tripoli" },
    { id: "fx-pl-village", type: "place", kind: "city", name: "Invented Village", country: "fx-pl-france" },
    { id: "fx-pl-hamlet", type: "place", kind: "city", name: "Invented Hamlet", lat: 10.5, lon: -20.25 },
    { id: "fx-pl-ana", type: "person", name: "Ana Invented" },
    { id: "fx-pl-ben", type: "person", name: "Ben Invented" },
    event("fx-pl-e1", "meeting", "2019-03-02", "fx-pl-paris", [["fx-pl-ana"], ["fx-pl-ben"]]),
    event("fx-pl-e2", "meeting", "2021-05-10", "fx-pl-paris", [["fx-pl-ana"], ["fx-pl-ben"]]),
    event("fx-pl-e3", "visit", "2021-06-01", "fx-pl-tripoli-lb", [
      ["fx-pl-gov-libya", "guest"],
      ["fx-pl-ben", "host"],
    ]),
    event("fx-pl-e4", "talks", "2021-07-01", "fx-pl-village", [["fx-pl-ben"]]),
    event("fx-pl-e5", "meeting", "2022-01-15", "fx-pl-hamlet", [["fx-pl-ana"]]),
    event("fx-pl-e6", "meeting", "2022-02-15", "fx-pl-tripoli", [["fx-pl-ana"]]),
  ],
};

describe("places on the map #places", () => {
  let db: Database;
  let app: ReturnType<typeof createTestApp>["app"];

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, file);
    ({ app } = createTestApp(db));
  });

  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  const places = async (query = "") => (await request(app).get(`/api/places${query}`).expect(200)).body as PlacesDto;
  const byId = (dto: PlacesDto) => Object.fromEntries(dto.places.map((p) => [p.id, p]));

  it("should place cities, countries and given coordinates, a namesake by its country", async () => {
    const all = byId(await places());
    expect(all["fx-pl-paris"]).toMatchObject({ type: "place", events: 2, source: "gazetteer" });
    expect(all["fx-pl-paris"]!.lat).toBeCloseTo(48.85, 1);
    expect(all["fx-pl-paris"]!.lon).toBeCloseTo(2.35, 1);
    // Tripoli in Lebanon, not the bigger Tripoli in Libya.
    expect(all["fx-pl-tripoli-lb"]!.lat).toBeCloseTo(34.43, 1);
    expect(all["fx-pl-tripoli-lb"]!.lon).toBeCloseTo(35.84, 1);
    // Too small for the world table: drawn at its country's point, and said so.
    expect(all["fx-pl-village"]).toMatchObject({ source: "country", lat: 46, lon: 2 });
    expect(all["fx-pl-hamlet"]).toMatchObject({ source: "import", lat: 10.5, lon: -20.25, events: 1 });
    // The visitor's country is on the map for the arc, with no event of its own.
    expect(all["fx-pl-libya"]).toMatchObject({ type: "country", events: 0 });
  });

  it("should send an unsettled namesake to review and place it by the reviewer's choice", async () => {
    const before = await places();
    expect(byId(before)["fx-pl-tripoli"]).toBeUndefined();
    expect(before.unplaced).toBe(1);
    const open = await request(app).get("/api/suggestions?status=open").expect(200);
    const question = (open.body.suggestions as { id: string; kind: string; text: string; candidates: string[] }[]).find(
      (s) => s.kind === "ambiguous-place",
    )!;
    expect(question).toMatchObject({ text: "Tripoli" });
    expect([...question.candidates].sort()).toEqual(["geo:lb:tripoli", "geo:ly:tripoli"]);

    await request(app).post(`/api/suggestions/${question.id}/accept`).send({ choice: "geo:ly:tripoli" }).expect(200);
    const after = byId(await places());
    expect(after["fx-pl-tripoli"]).toMatchObject({ source: "curator", events: 1 });
    expect(after["fx-pl-tripoli"]!.lon).toBeCloseTo(13.19, 1);
  });

  it("should count events within the time window, event kinds and the selected entity", async () => {
    expect(byId(await places("?from=2021&to=2021"))["fx-pl-paris"]!.events).toBe(1);
    const meetings = byId(await places("?eventKinds=meeting"));
    expect(meetings["fx-pl-paris"]!.events).toBe(2);
    expect(meetings["fx-pl-tripoli-lb"]).toBeUndefined();
    // Ana's events only: the places of her meetings, and not Ben's talks in the village.
    expect(Object.keys(byId(await places("?actor=fx-pl-ana"))).sort()).toEqual([
      "fx-pl-hamlet",
      "fx-pl-paris",
      "fx-pl-tripoli",
    ]);
  });

  it("should draw a visit as an arc from the visitor's country to the place", async () => {
    expect((await places()).arcs).toEqual([{ from: "fx-pl-libya", to: "fx-pl-tripoli-lb", events: 1 }]);
    expect((await places("?to=2020")).arcs).toEqual([]);
  });

  it("should change nothing when settled again or loaded again", async () => {
    const before = await places();
    expect(await settleAllCoordinates(db, curationImportHooks.storeSuggestions)).toEqual({
      located: 0,
      asked: 0,
      unknown: 0,
    });
    expect(await places()).toEqual(before);
    // Loading the file again states its places afresh: the reviewer's answer is remembered, not asked again.
    await loadImportFile(db, file);
    expect(await places()).toEqual(before);
  });

  it("should refuse coordinates out of range or given by halves", async () => {
    const bad = (node: Record<string, unknown>) =>
      validateImport({ format: "parley-import", version: 1, nodes: [{ id: "fx-pl-bad", name: "Bad", ...node }] });
    expect(bad({ type: "place", lat: 91, lon: 0 }).ok).toBe(false);
    expect(bad({ type: "place", lat: 10 }).ok).toBe(false);
    expect(bad({ type: "person", lat: 10, lon: 10 }).ok).toBe(false);
    expect(bad({ type: "place", lat: 10, lon: 10 }).ok).toBe(true);
    await request(app).get("/api/places?actor=Not%20An%20Id").expect(400);
  });
});
