/**
 * One event, many reports
 * =======================
 *
 * Articles written for this test (invented people, no third-party text) about one meeting, loaded one after another
 * through `POST /api/articles`: one gives the place, another the date, a third another date a day off; a fourth
 * tells of a second meeting a month later. The same meeting becomes one event with every article as a report (why
 * each joined, what each says, where they disagree); the later meeting stays its own event; loading an article
 * again changes nothing; a report split off through curation becomes an event of its own and a revert joins it
 * back; a backup restored into an empty database gives the same reports.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EdgeEventsDto, EventDto } from "../../contracts/api.js";
import type { Database } from "../../server/db/database.js";
import { readCounts } from "../../server/db/counts.js";
import { restoreBackup, writeBackup } from "../../server/modules/curation/backup.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";

/** The place, no date: the meeting lies in the week before the article appeared (5 March 2025). */
const IN_GENEVA = `source: Harbour Times
date: 2025-03-05

Quotas talks in Geneva

Norway's Foreign Minister Ingrid Halvorsen met Chile's Foreign Minister Tomas Echeverria in Geneva to discuss fishing quotas in the southern Pacific.

Halvorsen said afterwards that the conversation had been useful.
`;

/** The date, no place, other words. */
const ON_THE_FOURTH = `source: Coastal Post

Halvorsen and Echeverria compare notes

Foreign Minister Ingrid Halvorsen of Norway held talks with Foreign Minister Tomas Echeverria of Chile on 4 March 2025, officials said.

The two ministers spoke mostly about quotas.
`;

/** The same meeting, a day off: a disagreement, not a second meeting. */
const ON_THE_THIRD = `source: Fjord Daily

Ministers meet on fish stocks

Foreign Minister Ingrid Halvorsen of Norway met Foreign Minister Tomas Echeverria of Chile on 3 March 2025 to talk about fish stocks.
`;

/** The same two people a month later: another meeting. */
const IN_APRIL = `source: Harbour Times

Second round of quota talks

Foreign Minister Ingrid Halvorsen of Norway met Foreign Minister Tomas Echeverria of Chile on 10 April 2025 for a second round of talks.
`;

interface Saved {
  summary: { joinedReports?: number };
  nodeIds: string[];
}

describe("event reports #one meeting, many articles", () => {
  let db: Database;
  let app: ReturnType<typeof createTestApp>["app"];
  const ingest = async (text: string, file: string): Promise<Saved> =>
    (
      await request(app)
        .post("/api/articles")
        .send({ articles: [{ text, file }] })
        .expect(200)
    ).body as Saved;
  const event = async (id: string): Promise<EventDto> =>
    (await request(app).get(`/api/events/${id}`).expect(200)).body as EventDto;
  const meetings = () =>
    db.read(
      `MATCH (:Entity {id: 'ingrid-halvorsen'})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Entity {id: 'tomas-echeverria'})
       RETURN e.id AS id ORDER BY e.dateStart, id`,
      {},
      (r) => r.get("id") as string,
    );
  const meetingOf = (saved: Saved) => saved.nodeIds.find((id) => id.startsWith("evt-"))!;
  let first: Saved;
  let second: Saved;
  let third: Saved;
  let main: string;
  let april: string;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    app = createTestApp(db).app;
  });
  afterAll(async () => db.close());

  it("should make one event with two reports of two articles about the same meeting", async () => {
    first = await ingest(IN_GENEVA, "in-geneva.txt");
    second = await ingest(ON_THE_FOURTH, "on-the-fourth.txt");
    expect(second.summary.joinedReports).toBe(1);
    main = meetingOf(first);
    expect(await meetings()).toEqual([main]);
    // The second article's own event was never made.
    await request(app)
      .get(`/api/events/${meetingOf(second)}`)
      .expect(404);

    const e = await event(main);
    expect(e.place?.id).toBe("geneva");
    expect(e.date).toBe("2025-03-04");
    expect(e.reports.map((r) => [r.article.publisher, r.how])).toEqual([
      ["Harbour Times", "first"],
      ["Coastal Post", "joined"],
    ]);
    const joined = e.reports[1]!;
    expect(joined.why?.participants).toMatch(/ingrid-halvorsen, tomas-echeverria/);
    expect(joined.why?.date).toMatch(/4 March 2025.*falls within.*published 5 March 2025/);
    expect(joined.why?.place).toMatch(/this report names no place; the event is at geneva/);
    expect(joined.says).toMatchObject({ date: "2025-03-04", place: null });
    // Each report lists the quotes of its own article.
    for (const report of e.reports) {
      expect(report.evidenceIds.length).toBeGreaterThan(0);
      const quotes = e.evidence.filter((c) => report.evidenceIds.includes(c.evidenceId));
      expect(quotes.every((c) => c.article.id === report.article.id && c.quote)).toBe(true);
    }
    expect(e.disagreements).toEqual([]);
  });

  it("should change nothing when the same article is loaded again", async () => {
    const before = await readCounts(db);
    const again = await ingest(ON_THE_FOURTH, "on-the-fourth.txt");
    expect(again.summary.joinedReports).toBe(0);
    expect(await readCounts(db)).toEqual(before);
    expect((await event(main)).reports).toHaveLength(2);
  });

  it("should keep two meetings of the same people a month apart as two events", async () => {
    const later = await ingest(IN_APRIL, "in-april.txt");
    expect(later.summary.joinedReports).toBe(0);
    april = meetingOf(later);
    expect(await meetings()).toEqual([main, april]);
    expect((await event(main)).reports).toHaveLength(2);
    const edge = (await request(app).get("/api/edges/ingrid-halvorsen/tomas-echeverria").expect(200))
      .body as EdgeEventsDto;
    expect(edge.events).toHaveLength(2);
    expect(edge.reportCount).toBe(3);
  });

  it("should show a conflicting date as a disagreement", async () => {
    third = await ingest(ON_THE_THIRD, "on-the-third.txt");
    expect(third.summary.joinedReports).toBe(1);
    const e = await event(main);
    expect(e.reports).toHaveLength(3);
    expect(e.date).toBe("2025-03-04");
    const [date] = e.disagreements;
    expect(date?.field).toBe("date");
    expect(date?.values.map((v) => v.value)).toEqual(["4 March 2025", "3 March 2025"]);
    expect(date?.text).toMatch(/says 4 March 2025; .* says 3 March 2025/);
  });

  it("should split a report off into an event of its own, keep it there when loaded again, and join it back on revert", async () => {
    const article = (await event(main)).reports.find((r) => r.article.publisher === "Fjord Daily")!.article.id;
    const split = await request(app)
      .post("/api/curation/split-report")
      .send({ event: main, article, reason: "the Fjord Daily piece may be about another day" })
      .expect(200);
    const own = meetingOf(third);
    expect(split.body.subjectIds).toEqual([main, own]);
    expect(own).not.toBe(main);
    expect((await meetings()).sort()).toEqual([main, own, april].sort());
    const kept = await event(main);
    expect(kept.reports.map((r) => r.article.id)).not.toContain(article);
    expect(kept.disagreements).toEqual([]);
    const splitOff = await event(own);
    expect(splitOff.date).toBe("2025-03-03");
    expect(splitOff.reports.map((r) => [r.article.id, r.how])).toEqual([[article, "split"]]);
    expect(splitOff.evidence.every((c) => c.article.id === article)).toBe(true);
    const history = await request(app).get(`/api/nodes/${main}/history`).expect(200);
    expect(history.body.changes[0].action).toBe("split-report");
    // The split-off article pasted again lands on its own event and adds no second copy of its quotes.
    const counts = await readCounts(db);
    await ingest(ON_THE_THIRD, "on-the-third.txt");
    expect(await readCounts(db)).toEqual(counts);
    expect((await event(own)).evidence).toHaveLength(splitOff.evidence.length);

    await request(app)
      .post(`/api/changes/${split.body.id}/revert`)
      .send({ reason: "same meeting after all" })
      .expect(200);
    await request(app).get(`/api/events/${own}`).expect(404);
    expect((await event(main)).reports.map((r) => r.article.id)).toContain(article);
  });

  it("should take back the date a split-off report gave its event, falling back on another report's", async () => {
    // The Geneva report named no date; the Coastal Post's, joined second, gave the event its 4 March.
    const reports = (await event(main)).reports;
    const giver = reports.find((r) => r.article.publisher === "Coastal Post")!.article.id;
    const split = await request(app)
      .post("/api/curation/split-report")
      .send({ event: main, article: giver, reason: "checking the date on its own" })
      .expect(200);
    // Left with the Fjord Daily's 3 March, the only date its remaining reports state.
    expect((await event(main)).date).toBe("2025-03-03");
    expect((await event(main)).place?.id).toBe("geneva");
    await request(app).post(`/api/changes/${split.body.id}/revert`).send({ reason: "back" }).expect(200);
    expect((await event(main)).date).toBe("2025-03-04");
  });

  it("should refuse to split the only report of an event", async () => {
    const article = (await event(april)).reports[0]!.article.id;
    const refused = await request(app)
      .post("/api/curation/split-report")
      .send({ event: april, article, reason: "try it" })
      .expect(400);
    expect(refused.body.error.message).toMatch(/only report/);
  });

  it("should keep every event's reports through a backup and a restore", async () => {
    const before = await event(main);
    const chunks: string[] = [];
    await writeBackup(db, { write: async (chunk) => void chunks.push(chunk) });
    const backup = JSON.parse(chunks.join("")) as { reports: unknown[] };
    expect(backup.reports).toHaveLength(4);
    await resetDatabase(db);
    const { restored } = await restoreBackup(db, backup);
    expect(restored.reports).toBe(4);
    const after = await event(main);
    expect(after.reports).toEqual(before.reports);
    expect(after.disagreements).toEqual(before.disagreements);
  });
});
