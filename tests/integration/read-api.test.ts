/**
 * Read API
 * ========
 *
 * The explorer's read endpoints against a real Neo4j holding the curated seed dataset (with the seed article
 * texts, so citations carry their quoted passage): node details, neighbours, search, paths, edges, events,
 * articles, stats, timeline, the OpenAPI document, and their 404s and 400s.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import type { CitationDto, EventDto, NeighborsPageDto, NodeDetailsDto, SearchResultsDto } from "../../contracts/api.js";
import type { Database } from "../../server/db/database.js";
import { loadImportFile } from "../helpers/load.js";
import { SEEDS_DIR, createTestApp, openTestDatabase, resetDatabase, seedDataset } from "../helpers/db.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/read-api/", import.meta.url));
const HAVE_TEXTS = existsSync(path.join(SEEDS_DIR, "002_d0919b62974b34f6.txt"));

const ids = (refs: { id: string }[]) => refs.map((r) => r.id).sort();

describe("read API #seed", () => {
  let db: Database;
  let app: Express;

  beforeAll(async () => {
    db = openTestDatabase();
    await resetDatabase(db);
    await loadImportFile(db, seedDataset(), { articlesDir: SEEDS_DIR });
    await loadImportFile(db, JSON.parse(readFileSync(path.join(FIXTURES, "diacritics.json"), "utf8")));
    app = createTestApp(db).app;
  });
  afterAll(async () => db.close());

  describe("nodes", () => {
    it("should return Hassan Rouhani's meeting with Nechirvan Barzani with date, place, topics and citation", async () => {
      const res = await request(app).get("/api/nodes/hassan-rouhani").expect(200);
      const node = res.body as NodeDetailsDto;
      expect(node).toMatchObject({ id: "hassan-rouhani", label: "Hassan Rouhani", category: "person" });
      const meeting = node.events.find(
        (e) => e.kind === "meeting" && e.participants.some((p) => p.id === "nechirvan-barzani"),
      );
      expect(meeting).toBeDefined();
      expect(meeting!.date).toBe("2018-01-21");
      expect(meeting!.datePrecision).toBe("day");
      expect(meeting!.place).toMatchObject({ id: "tehran", category: "place" });
      expect(meeting!.topics.length).toBeGreaterThan(0);
      expect(ids(meeting!.topics)).toContain("topic-kurdish-independence-referendum");
      expect(meeting!.participants.find((p) => p.id === "hassan-rouhani")?.role).toBe("host");
      expect(meeting!.participants.find((p) => p.id === "nechirvan-barzani")?.role).toBe("guest");
      const citation = meeting!.evidence[0] as CitationDto;
      expect(citation.article.id).toBe("seed-002-reuters-2018-01-21");
      expect(citation.article.title).toEqual(expect.any(String));
      expect(citation).toMatchObject({ paragraph: 0, start: 0, end: 249, by: "curator", status: "accepted" });
      if (HAVE_TEXTS) {
        const text = readFileSync(path.join(SEEDS_DIR, "002_d0919b62974b34f6.txt"), "utf8");
        expect(citation.quote).toBe(text.slice(0, 249));
      } else {
        expect(citation.quote).toBeNull();
      }
      // Internal Neo4j ids never leave the server.
      expect(JSON.stringify(res.body)).not.toMatch(/elementId|"identity"|4:[0-9a-f-]{36}:\d+/);
    });

    it("should list an actor's roles with evidence, countries, and events oldest first", async () => {
      const node = (await request(app).get("/api/nodes/nechirvan-barzani").expect(200)).body as NodeDetailsDto;
      expect(node.roles.map((r) => r.title)).toEqual(
        expect.arrayContaining(["President of the Kurdistan Region", "Prime Minister of the Kurdistan Region"]),
      );
      const pm = node.roles.find((r) => r.title === "Prime Minister of the Kurdistan Region")!;
      expect(pm.of.id).toBe("gov-krg");
      expect(pm.asOf).toBe("2018-01-21");
      expect(pm.evidence[0]).toMatchObject({ article: { id: "seed-002-reuters-2018-01-21" }, start: 302, end: 353 });
      expect(ids(node.countries)).toContain("kurdistan-region");
      const dates = node.events.map((e) => e.date).filter((d): d is string => d !== null);
      expect(dates).toEqual([...dates].sort());
      expect(node.degree).toBeGreaterThan(0);
    });

    it("should return Khalaf Khalafov's meetings in Tehran with their participants", async () => {
      const node = (await request(app).get("/api/nodes/khalaf-khalafov").expect(200)).body as NodeDetailsDto;
      const inTehran = node.events.filter((e) => e.kind === "meeting" && e.place?.id === "tehran");
      const counterparts = inTehran.flatMap((e) =>
        e.participants.filter((p) => p.id !== "khalaf-khalafov").map((p) => p.id),
      );
      expect(counterparts.sort()).toEqual(["ali-akbar-ahmadian", "ebrahim-raisi", "hossein-amir-abdollahian"]);
      for (const e of inTehran) {
        expect(e.date).toBe("2023-10");
        expect(e.datePrecision).toBe("month");
        expect(e.participants.find((p) => p.id === "khalaf-khalafov")?.role).toBe("guest");
        expect(e.evidence[0]?.article.id).toBe("seed-003-xalq-qazeti-2023-10");
      }
    });

    it("should return Masoud Pezeshkian's visit to Erbil", async () => {
      const node = (await request(app).get("/api/nodes/masoud-pezeshkian").expect(200)).body as NodeDetailsDto;
      const visit = node.events.find((e) => e.kind === "visit" && e.place?.id === "erbil");
      expect(visit).toMatchObject({
        id: "evt-2024-09-pezeshkian-visit-erbil",
        date: "2024-09",
        datePrecision: "month",
      });
      expect(ids(visit!.participants)).toEqual(["masoud-pezeshkian", "nechirvan-barzani"]);
      expect(visit!.evidence[0]?.article.id).toBe("seed-000-isna-2025-02-15");
    });

    it("should fill `event` for an event node, parties and producing events for an agreement, events for a place", async () => {
      const event = (await request(app).get("/api/nodes/evt-2024-09-pezeshkian-visit-erbil").expect(200))
        .body as NodeDetailsDto;
      expect(event.category).toBe("event");
      expect(event.event?.id).toBe("evt-2024-09-pezeshkian-visit-erbil");
      expect(event.event?.place?.id).toBe("erbil");

      const agreement = (await request(app).get("/api/nodes/agr-2023-iran-iraq-security-agreement").expect(200))
        .body as NodeDetailsDto;
      expect(ids(agreement.parties)).toEqual(["gov-iran", "gov-iraq"]);
      expect(agreement.status).toBe("in_force");
      expect(agreement.properties).toMatchObject({ dateNote: expect.any(String) });

      const tehran = (await request(app).get("/api/nodes/tehran").expect(200)).body as NodeDetailsDto;
      expect(tehran.events.map((e) => e.id)).toContain("evt-2018-01-21-rouhani-nechirvan-barzani-tehran");
      expect(tehran.events.every((e) => e.place?.id === "tehran")).toBe(true);
    });

    it("should list quantities about a country with their citations", async () => {
      const iran = (await request(app).get("/api/nodes/iran").expect(200)).body as NodeDetailsDto;
      const trade = iran.quantities.find((q) => q.id === "qty-2025-iran-iraq-annual-trade");
      expect(trade).toMatchObject({ value: 10000000000, unit: "USD" });
      expect(trade!.evidence[0]?.article.id).toBe("seed-000-isna-2025-02-15");
    });

    it("should page a node's events, oldest first, with the total, and reject a bad page", async () => {
      const all = (await request(app).get("/api/nodes/hassan-rouhani?events=1000").expect(200)).body as NodeDetailsDto;
      expect(all.eventsTotal).toBe(all.events.length);
      expect(all.events.length).toBeGreaterThanOrEqual(2);
      const paged: string[] = [];
      for (let offset = 0; offset < all.eventsTotal; offset++) {
        const page = (await request(app).get(`/api/nodes/hassan-rouhani?events=1&eventsOffset=${offset}`).expect(200))
          .body as NodeDetailsDto;
        expect(page).toMatchObject({ eventsTotal: all.eventsTotal, eventsOffset: offset });
        expect(page.events.length).toBe(1);
        paged.push(page.events[0]!.id);
      }
      // Same events in the same order (oldest first), a page at a time.
      expect(paged).toEqual(all.events.map((e) => e.id));
      await request(app).get("/api/nodes/hassan-rouhani?events=-1").expect(400);
      await request(app).get("/api/nodes/hassan-rouhani?events=1001").expect(400);
    });

    it("should answer an unknown id with 404 and a helpful message, a malformed one with 400", async () => {
      const missing = await request(app).get("/api/nodes/no-such-person").expect(404);
      expect(missing.body.error).toMatchObject({ code: "NOT_FOUND", requestId: expect.any(String) });
      expect(missing.body.error.message).toContain("no-such-person");
      expect(missing.body.error.message).toContain("/api/search");
      const bad = await request(app).get("/api/nodes/Hassan%20Rouhani").expect(400);
      expect(bad.body.error.code).toBe("VALIDATION_ERROR");
      expect(bad.body.error.message).toContain("id");
    });
  });

  describe("neighbours", () => {
    it("should page neighbours ordered by evidence count then label, with the total and an ego graph", async () => {
      const all = (await request(app).get("/api/nodes/nechirvan-barzani/neighbors?limit=1000").expect(200))
        .body as NeighborsPageDto;
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThan(4);
      expect(ids(all.items)).toContain("hassan-rouhani");
      const rouhani = all.items.find((i) => i.id === "hassan-rouhani")!;
      expect(rouhani.via).toContain("evt-2018-01-21-rouhani-nechirvan-barzani-tehran");
      for (let i = 1; i < all.items.length; i++) {
        const [a, b] = [all.items[i - 1]!, all.items[i]!];
        expect(
          a.evidenceCount > b.evidenceCount ||
            (a.evidenceCount === b.evidenceCount && a.label.localeCompare(b.label) <= 0),
        ).toBe(true);
      }

      const page1 = (await request(app).get("/api/nodes/nechirvan-barzani/neighbors?limit=2&offset=0").expect(200))
        .body as NeighborsPageDto;
      const page2 = (await request(app).get("/api/nodes/nechirvan-barzani/neighbors?limit=2&offset=2").expect(200))
        .body as NeighborsPageDto;
      expect(page1).toMatchObject({ id: "nechirvan-barzani", total: all.total, offset: 0, limit: 2 });
      expect(page1.items.map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
      expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));

      // The graph holds the centre and the page's neighbours, edges only between keys it holds.
      const keys = new Set(page1.graph.nodes.map((n) => n.key));
      expect(keys).toEqual(new Set(["nechirvan-barzani", ...page1.items.map((i) => i.id)]));
      for (const edge of page1.graph.edges) {
        expect(keys.has(edge.source) && keys.has(edge.target)).toBe(true);
        expect([edge.source, edge.target]).toContain("nechirvan-barzani");
        expect(edge.attributes).toMatchObject({ kind: expect.any(String), weight: expect.any(Number) });
      }
      for (const node of page1.graph.nodes) {
        expect(node.attributes).toMatchObject({
          label: expect.any(String),
          category: expect.any(String),
          kind: expect.any(String),
          degree: expect.any(Number),
        });
        expect(node.attributes).not.toHaveProperty("type");
      }
      const past = (await request(app).get(`/api/nodes/nechirvan-barzani/neighbors?offset=${all.total}`).expect(200))
        .body as NeighborsPageDto;
      expect(past.items).toEqual([]);
      expect(past.total).toBe(all.total);
    });

    it("should reject page sizes above 1000 and negative offsets, and 404 an unknown centre", async () => {
      const big = await request(app).get("/api/nodes/hassan-rouhani/neighbors?limit=1001").expect(400);
      expect(big.body.error.message).toContain("limit");
      await request(app).get("/api/nodes/hassan-rouhani/neighbors?offset=-1").expect(400);
      await request(app).get("/api/nodes/hassan-rouhani/neighbors?limit=ten").expect(400);
      await request(app).get("/api/nodes/nobody/neighbors").expect(404);
    });

    it("should answer an empty page, not a 404, for a node that exists but has no neighbours", async () => {
      const lone = await loadImportFile(db, {
        format: "parley-import",
        version: 1,
        nodes: [{ id: "test-lone-topic", type: "topic", name: "A topic nothing is about" }],
      });
      expect(lone.nodes).toBe(1);
      const page = (await request(app).get("/api/nodes/test-lone-topic/neighbors").expect(200))
        .body as NeighborsPageDto;
      expect(page.total).toBe(0);
      expect(page.items).toEqual([]);
      expect(page.graph.nodes.map((n) => n.key)).toEqual(["test-lone-topic"]);
    });
  });

  describe("search", () => {
    const search = async (q: string) =>
      (await request(app).get("/api/search").query({ q }).expect(200)).body as SearchResultsDto;

    it("should find Rouhani by name and by prefix", async () => {
      expect((await search("rouhani")).results[0]).toMatchObject({
        id: "hassan-rouhani",
        category: "person",
        matched: null,
      });
      expect((await search("rouh")).results.map((r) => r.id)).toContain("hassan-rouhani");
      expect((await search("Hassan Rouh")).results[0]?.id).toBe("hassan-rouhani");
      const scores = (await search("rouhani")).results.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it("should find an alias spelling and say which alias matched", async () => {
      const result = (await search("Hashd al-Shaabi")).results.find((r) => r.id === "org-pmf");
      expect(result).toBeDefined();
      expect(result!.matched).toBe("Hashd al-Shaabi");
      expect((await search("hewler")).results[0]).toMatchObject({ id: "erbil", matched: "Hewler" });
    });

    it("should find role titles", async () => {
      const result = (await search("Prime Minister of the Kurdistan")).results.find(
        (r) => r.id === "nechirvan-barzani",
      );
      expect(result?.matched).toBe("Prime Minister of the Kurdistan Region");
    });

    it("should fold diacritics: cavusoglu finds Mevlüt Çavuşoğlu", async () => {
      expect((await search("cavusoglu")).results[0]).toMatchObject({
        id: "mevlut-cavusoglu",
        label: "Mevlüt Çavuşoğlu",
        matched: null,
      });
      expect((await search("mevlut cavus")).results[0]?.id).toBe("mevlut-cavusoglu");
      expect((await search("ÇAVUŞOĞLU")).results[0]?.id).toBe("mevlut-cavusoglu");
    });

    it("should treat Lucene syntax in the query as text", async () => {
      for (const q of ['rouhani"', "rouhani AND", "(*)", "a:b", "\\", "~", "title:[a TO z]", "-", "&&", "/regex/"]) {
        const res = await request(app).get("/api/search").query({ q }).expect(200);
        expect(Array.isArray(res.body.results)).toBe(true);
      }
      expect((await search("rouhani)")).results[0]?.id).toBe("hassan-rouhani");
    });

    it("should reject an empty or over-long query and a bad limit", async () => {
      await request(app).get("/api/search").expect(400);
      await request(app).get("/api/search?q=%20%20").expect(400);
      await request(app)
        .get("/api/search")
        .query({ q: "x".repeat(201) })
        .expect(400);
      await request(app).get("/api/search?q=rouhani&limit=0").expect(400);
      const limited = (await request(app).get("/api/search?q=i&limit=2").expect(200)).body as SearchResultsDto;
      expect(limited.results.length).toBeLessThanOrEqual(2);
    });
  });

  describe("paths and edges", () => {
    it("should find the shortest path between two actors through events", async () => {
      const res = await request(app).get("/api/path?from=nechirvan-barzani&to=masoud-pezeshkian").expect(200);
      expect(res.body.paths).toContainEqual([
        "nechirvan-barzani",
        "evt-2024-09-pezeshkian-visit-erbil",
        "masoud-pezeshkian",
      ]);
      const longer = await request(app).get("/api/path?from=hassan-rouhani&to=masoud-pezeshkian").expect(200);
      expect(longer.body.paths.length).toBeGreaterThan(0);
      for (const p of longer.body.paths as string[][]) {
        expect(p[0]).toBe("hassan-rouhani");
        expect(p.at(-1)).toBe("masoud-pezeshkian");
        expect(p.length % 2).toBe(1);
      }
      const keys = new Set(longer.body.graph.nodes.map((n: { key: string }) => n.key));
      for (const p of longer.body.paths as string[][]) for (const id of p) expect(keys.has(id)).toBe(true);
      for (const e of longer.body.graph.edges) expect(e.attributes.kind).toBe("participated_in");
    });

    it("should return no paths between unconnected actors, 404 for unknown ids, 400 for bad parameters", async () => {
      const none = await request(app).get("/api/path?from=hassan-rouhani&to=mevlut-cavusoglu").expect(200);
      expect(none.body.paths).toEqual([]);
      const missing = await request(app).get("/api/path?from=hassan-rouhani&to=nobody-at-all").expect(404);
      expect(missing.body.error.message).toContain("nobody-at-all");
      await request(app).get("/api/path?from=hassan-rouhani").expect(400);
      await request(app).get("/api/path?from=hassan-rouhani&to=hassan-rouhani").expect(400);
      await request(app).get("/api/path?from=hassan-rouhani&to=ebrahim-raisi&max=99").expect(400);
    });

    it("should list the encounters behind a met link in time order", async () => {
      const res = await request(app).get("/api/edges/nechirvan-barzani/hassan-rouhani").expect(200);
      expect(res.body.source).toMatchObject({ id: "nechirvan-barzani", label: "Nechirvan Barzani" });
      expect(res.body.target.id).toBe("hassan-rouhani");
      const events = res.body.events as EventDto[];
      expect(events.map((e) => e.id)).toContain("evt-2018-01-21-rouhani-nechirvan-barzani-tehran");
      const starts = events.map((e) => e.date ?? "9999");
      expect(starts).toEqual([...starts].sort());
      // A statement is not an encounter.
      expect(events.every((e) => e.kind !== "statement")).toBe(true);

      const barzani = (await request(app).get("/api/edges/nechirvan-barzani/gov-iran").expect(200)).body
        .events as EventDto[];
      const dates = barzani.map((e) => e.date ?? "9999");
      expect(dates).toEqual([...dates].sort());
      await request(app).get("/api/edges/nechirvan-barzani/nobody").expect(404);
      await request(app).get("/api/edges/Nechirvan/x").expect(400);
    });
  });

  describe("events, articles, stats, timeline", () => {
    it("should return an event with participants and roles, place, date, topics and evidence", async () => {
      const res = await request(app).get("/api/events/evt-2023-10-khalafov-raisi-tehran").expect(200);
      const event = res.body as EventDto;
      expect(event).toMatchObject({
        id: "evt-2023-10-khalafov-raisi-tehran",
        kind: "meeting",
        date: "2023-10",
        datePrecision: "month",
      });
      expect(event.participants[0]).toMatchObject({ id: "ebrahim-raisi", role: "host" });
      expect(event.place?.id).toBe("tehran");
      expect(event.topics.length).toBeGreaterThan(0);
      if (HAVE_TEXTS) expect(event.evidence[0]?.quote).toEqual(expect.any(String));
      await request(app).get("/api/events/evt-nothing").expect(404);
      await request(app).get("/api/events/BAD ID").expect(400);
    });

    it("should return article metadata and its stored text", async () => {
      const res = await request(app).get("/api/articles/seed-002-reuters-2018-01-21").expect(200);
      expect(res.body).toMatchObject({ id: "seed-002-reuters-2018-01-21", published: "2018-01-21", language: "en" });
      if (HAVE_TEXTS)
        expect(res.body.text).toBe(readFileSync(path.join(SEEDS_DIR, "002_d0919b62974b34f6.txt"), "utf8"));
      const noText = await request(app).get("/api/articles/fx-diacritics-article").expect(200);
      expect(noText.body.text).toBeNull();
      await request(app).get("/api/articles/nope").expect(404);
    });

    it("should count nodes per label and relationships per type", async () => {
      const res = await request(app).get("/api/stats").expect(200);
      expect(res.body.labels.Person).toBeGreaterThanOrEqual(13);
      expect(res.body.labels.Event).toBeGreaterThan(5);
      expect(res.body.relationships.PARTICIPATED_IN).toBeGreaterThan(10);
      expect(res.body.relationships.MET).toBeGreaterThan(0);
    });

    it("should bucket events per month within the graph's filters", async () => {
      const all = (await request(app).get("/api/timeline").expect(200)).body;
      expect(all.buckets).toContainEqual({ month: "2018-01", count: expect.any(Number) });
      const months = all.buckets.map((b: { month: string }) => b.month);
      expect(months).toEqual([...months].sort());
      const oct2023 = all.buckets.find((b: { month: string }) => b.month === "2023-10").count;
      expect(oct2023).toBeGreaterThanOrEqual(4);
      const windowed = (await request(app).get("/api/timeline?from=2018&to=2018").expect(200)).body;
      expect(windowed.buckets.every((b: { month: string }) => b.month.startsWith("2018"))).toBe(true);
      const meetings = (await request(app).get("/api/timeline?eventKinds=meeting&from=2023-10&to=2023-10").expect(200))
        .body;
      expect(meetings.buckets).toEqual([{ month: "2023-10", count: 3 }]);
      await request(app).get("/api/timeline?from=2019-13").expect(400);
    });
  });

  describe("openapi", () => {
    it("should describe every endpoint in an OpenAPI 3.1 document", async () => {
      const doc = (await request(app).get("/api/openapi.json").expect(200)).body;
      expect(doc.openapi).toMatch(/^3\.1/);
      for (const p of [
        "/api/health",
        "/api/graph",
        "/api/nodes/{id}",
        "/api/nodes/{id}/neighbors",
        "/api/search",
        "/api/path",
        "/api/events/{id}",
        "/api/edges/{source}/{target}",
        "/api/articles/{id}",
        "/api/stats",
        "/api/timeline",
        "/api/import",
        "/api/import/schema",
        "/api/openapi.json",
      ]) {
        expect(doc.paths, p).toHaveProperty([p]);
      }
      const limit = doc.paths["/api/nodes/{id}/neighbors"].get.parameters.find(
        (p: { name: string }) => p.name === "limit",
      );
      expect(limit.schema).toMatchObject({ maximum: 1000 });
    });
  });
});
