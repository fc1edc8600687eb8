/**
 * Curation
 * ========
 *
 * Edit, role edit, merge, split, delete and revert on a real Neo4j, each showing in the audit log and each
 * reverted back to the exact state before; merging keeps every piece of evidence; re-ingesting an article does
 * not bring back a deleted fact; suggestions are decided and remembered; no write without admin rights.
 */
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.js";
import { toJson, toJsonMap } from "../../server/db/values.js";
import { stableJson } from "../../server/modules/curation/curation.repository.js";
import { articlesToImport } from "../../server/modules/ingest/extraction.import.js";
import { readCounts } from "../../server/db/counts.js";
import { loadImportFile } from "../helpers/load.js";
import { createTestApp, openTestDatabase, resetDatabase } from "../helpers/db.js";
import { fromAnotherMachine } from "../helpers/remote.js";

/** An invented article (no third-party text), in the extractor's input shape. */
const ARTICLE = {
  file: "invented-zorbia.txt",
  text: `source: Invented Wire
date: 2021-03-04

ZORBIA CITY – Foreign Minister Alan Quellmar of Zorbia met Prime Minister Berta Vonnick of Lusania in Zorbia City on Tuesday to discuss trade.

Quellmar and Vonnick signed a memorandum on border trade, the ministry said.

Later, Vonnick held talks with President Carl Dunmore of Zorbia.
`,
};

/** A small curated dataset (invented) with roles, events, an agreement and evidence. */
function curated() {
  const text = "Alpha met Beta in Capital.\nA. Alpha, foreign minister, signed the pact.\nBeta spoke.\n";
  return {
    format: "parley-import",
    version: 1,
    articles: [{ id: "cu-art", title: "Invented article", text }],
    nodes: [
      { id: "cu-north", type: "country", name: "Northland" },
      { id: "cu-gov", type: "government", name: "Government of Northland", country: "cu-north" },
      { id: "cu-capital", type: "place", kind: "city", name: "Capital", country: "cu-north" },
      { id: "cu-topic-trade", type: "topic", name: "Trade" },
      { id: "cu-topic-water", type: "topic", name: "Water" },
      {
        id: "cu-alpha",
        type: "person",
        name: "Alpha Alphason",
        evidence: [{ article: "cu-art", paragraph: 0, start: 0, end: 5 }],
      },
      {
        id: "cu-alpha2",
        type: "person",
        name: "A. Alpha",
        evidence: [{ article: "cu-art", paragraph: 1, start: 27, end: 35 }],
      },
      {
        id: "cu-beta",
        type: "person",
        name: "Beta Betason",
        evidence: [{ article: "cu-art", paragraph: 0, start: 10, end: 14 }],
      },
      {
        id: "cu-evt-meet",
        type: "event",
        kind: "meeting",
        name: "Alpha meets Beta",
        date: "2020-05-04",
        place: "cu-capital",
        topics: ["cu-topic-trade"],
        participants: [
          { actor: "cu-alpha", role: "host" },
          { actor: "cu-beta", role: "guest" },
        ],
        evidence: [{ article: "cu-art", paragraph: 0, start: 0, end: 26 }],
      },
      {
        id: "cu-evt-sign",
        type: "event",
        kind: "signing",
        name: "Signing",
        date: "2020-05",
        participants: [
          { actor: "cu-alpha2", role: "signatory" },
          { actor: "cu-beta", role: "signatory" },
        ],
        produced: ["cu-pact"],
        evidence: [{ article: "cu-art", paragraph: 1, start: 27, end: 72 }],
      },
      { id: "cu-pact", type: "agreement", kind: "pact", name: "Pact", status: "signed", parties: ["cu-gov"] },
    ],
    roles: [
      {
        person: "cu-alpha2",
        title: "Foreign Minister",
        of: "cu-gov",
        asOf: "2020-05",
        evidence: [{ article: "cu-art", paragraph: 1, start: 36, end: 52 }],
      },
    ],
  };
}

/** Everything about the graph that a revert must restore (MET included, audit records excluded). */
async function fingerprint(db: Database): Promise<string> {
  const rows = await db.read(
    `MATCH (n) WHERE NOT n:Change AND NOT n:Suggestion AND NOT n:Decision AND NOT n:ParleyState
     RETURN labels(n) AS labels, properties(n) AS props,
            [(n)-[r]->(m) WHERE type(r) <> 'CHANGED' | [type(r), m.id, properties(r)]] AS rels`,
    {},
    (r) => {
      const props = toJsonMap(r.get("props") as Record<string, unknown>);
      delete props.updatedAt;
      delete props.createdAt;
      const rels = (toJson(r.get("rels")) as unknown[]).map((x) => stableJson(x)).sort();
      return stableJson([[...(r.get("labels") as string[])].sort(), props, rels]);
    },
  );
  return rows.sort().join("\n");
}

async function evidenceLinks(db: Database): Promise<number> {
  const [n] = await db.read("MATCH (:Entity)-[r:EVIDENCED_BY]->(:Evidence) RETURN count(r) AS n", {}, (r) =>
    Number(r.get("n")),
  );
  return n!;
}

describe("curation", () => {
  let db: Database;
  let app: express.Express;
  beforeAll(async () => {
    db = openTestDatabase();
    app = createTestApp(db).app;
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await resetDatabase(db);
    await loadImportFile(db, curated());
  });

  /** Reverts a change through the API and checks the graph is back where it was. */
  async function revertAndCompare(changeId: string, baseline: string): Promise<void> {
    const res = await request(app).post(`/api/changes/${changeId}/revert`).send({ reason: "test revert" }).expect(200);
    expect(res.body.action).toBe("revert");
    expect(res.body.revertOf).toBe(changeId);
    expect(await fingerprint(db)).toBe(baseline);
  }

  it("should edit an event's fields, audit the change, and revert it exactly", async () => {
    const baseline = await fingerprint(db);
    const res = await request(app)
      .patch("/api/nodes/cu-evt-meet")
      .send({
        reason: "date was wrong",
        name: "Alpha hosts Beta",
        date: "2020-06",
        place: null,
        topics: ["cu-topic-water"],
        aliases: ["The meeting"],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      action: "edit",
      by: "loopback",
      reason: "date was wrong",
      subjectIds: ["cu-evt-meet"],
    });
    const node = await request(app).get("/api/nodes/cu-evt-meet").expect(200);
    expect(JSON.stringify(node.body)).toContain("Alpha hosts Beta");
    const [row] = await db.read(
      "MATCH (e:Event {id: 'cu-evt-meet'}) RETURN e.datePrecision AS p, toString(e.dateEnd) AS end, COUNT { (e)-[:AT]->() } AS at, [(e)-[:ABOUT]->(t) | t.id] AS topics",
      {},
      (r) => r.toObject(),
    );
    expect(row).toMatchObject({ p: "month", end: "2020-06-30", topics: ["cu-topic-water"] });
    expect(Number(row!.at)).toBe(0);
    const [met] = await db.read(
      "MATCH (:Person {id: 'cu-alpha'})-[m:MET]-(:Person {id: 'cu-beta'}) RETURN toString(m.first) AS first",
      {},
      (r) => r.get("first"),
    );
    expect(met).toBe("2020-06-01");

    const history = await request(app).get("/api/nodes/cu-evt-meet/history").expect(200);
    expect(history.body.changes[0]).toMatchObject({ id: res.body.id, action: "edit", by: "loopback" });
    expect(history.body.changes[0].before.nodes[0].props.name).toBe("Alpha meets Beta");

    await revertAndCompare(res.body.id, baseline);
    const after = await request(app).get("/api/nodes/cu-evt-meet/history").expect(200);
    expect(after.body.changes.map((c: { action: string }) => c.action)).toEqual(["revert", "edit"]);
    expect(after.body.changes[1].revertedBy).toBe(after.body.changes[0].id);
    // A change is reverted once.
    await request(app).post(`/api/changes/${res.body.id}/revert`).send({}).expect(409);
  });

  it("should reject edits that imports would reject", async () => {
    await request(app).patch("/api/nodes/cu-evt-meet").send({ reason: "x y z", date: "2023-02-30" }).expect(400);
    await request(app).patch("/api/nodes/cu-evt-meet").send({ reason: "x y z", place: "cu-topic-trade" }).expect(400);
    await request(app).patch("/api/nodes/cu-alpha").send({ reason: "x y z", status: "signed" }).expect(400);
    await request(app).patch("/api/nodes/cu-alpha").send({ name: "No reason" }).expect(400);
    await request(app).patch("/api/nodes/cu-alpha").send({ reason: "x y z", type: "country" }).expect(400);
    await request(app).patch("/api/nodes/cu-nobody").send({ reason: "x y z", name: "Nobody" }).expect(404);
  });

  it("should edit role titles and dates, and revert them", async () => {
    const baseline = await fingerprint(db);
    const res = await request(app)
      .patch("/api/nodes/cu-alpha2/roles")
      .send({
        reason: "title",
        roles: [{ of: "cu-gov", title: "Foreign Minister", newTitle: "Minister of Foreign Affairs", since: "2019" }],
      })
      .expect(200);
    const [role] = await db.read("MATCH (:Person {id: 'cu-alpha2'})-[r:HOLDS_ROLE]->() RETURN r {.*} AS r", {}, (r) =>
      r.get("r"),
    );
    expect(role).toMatchObject({ title: "Minister of Foreign Affairs", since: "2019", asOf: "2020-05" });
    await revertAndCompare(res.body.id, baseline);
  });

  it("should merge two actors keeping every piece of evidence, with the merged name as an alias, and revert", async () => {
    const baseline = await fingerprint(db);
    const links = await evidenceLinks(db);
    const res = await request(app)
      .post("/api/curation/merge")
      .send({ keep: "cu-alpha", merge: "cu-alpha2", reason: "same person" })
      .expect(200);
    expect(res.body.action).toBe("merge");
    expect(await evidenceLinks(db)).toBe(links);
    const [alpha] = await db.read(
      `MATCH (a:Person {id: 'cu-alpha'})
       RETURN a.aliases AS aliases, [(a)-[:PARTICIPATED_IN]->(e) | e.id] AS events, [(a)-[r:HOLDS_ROLE]->() | r.title] AS roles,
              COUNT { (a)-[:MET]-(:Person {id: 'cu-beta'}) } AS met, [(a)-[:MET]-(b) | b.id] AS metWith`,
      {},
      (r) => r.toObject(),
    );
    expect(alpha!.aliases).toContain("A. Alpha");
    expect([...(alpha!.events as string[])].sort()).toEqual(["cu-evt-meet", "cu-evt-sign"]);
    expect(alpha!.roles).toEqual(["Foreign Minister"]);
    const [met] = await db.read(
      "MATCH (:Person {id: 'cu-alpha'})-[m:MET]-(:Person {id: 'cu-beta'}) RETURN m.count AS c",
      {},
      (r) => Number(r.get("c")),
    );
    expect(met).toBe(2);
    expect(await db.read("MATCH (n:Entity {id: 'cu-alpha2'}) RETURN n", {}, (r) => r)).toHaveLength(0);
    const history = await request(app).get("/api/nodes/cu-alpha2/history").expect(200);
    expect(history.body.changes[0].action).toBe("merge");

    await revertAndCompare(res.body.id, baseline);
    expect(await evidenceLinks(db)).toBe(links);
  });

  it("should land a merged-away id on the kept node when an import names it again", async () => {
    await request(app)
      .post("/api/curation/merge")
      .send({ keep: "cu-alpha", merge: "cu-alpha2", reason: "same person" })
      .expect(200);
    const summary = await loadImportFile(db, curated());
    expect(summary.skippedRejected?.redirected).toBeGreaterThan(0);
    expect(await db.read("MATCH (n:Entity {id: 'cu-alpha2'}) RETURN n", {}, (r) => r)).toHaveLength(0);
    const [roles] = await db.read("MATCH (:Person {id: 'cu-alpha'})-[r:HOLDS_ROLE]->() RETURN count(r) AS n", {}, (r) =>
      Number(r.get("n")),
    );
    expect(roles).toBe(1);
  });

  it("should split mentions and events off to a new actor, and revert", async () => {
    await request(app)
      .post("/api/curation/merge")
      .send({ keep: "cu-alpha", merge: "cu-alpha2", reason: "same person" })
      .expect(200);
    const baseline = await fingerprint(db);
    const links = await evidenceLinks(db);
    const mentions = await db.read(
      "MATCH (:Person {id: 'cu-alpha'})-[:EVIDENCED_BY]->(ev:Evidence) WHERE ev.subject = 'cu-alpha2' RETURN ev.id AS id",
      {},
      (r) => r.get("id") as string,
    );
    expect(mentions.length).toBeGreaterThan(0);
    const res = await request(app)
      .post("/api/curation/split")
      .send({
        id: "cu-alpha",
        newNode: { id: "cu-alpha-junior", name: "Alpha Junior" },
        mentions,
        events: ["cu-evt-sign"],
        roles: [{ of: "cu-gov", title: "Foreign Minister" }],
        reason: "two people",
      })
      .expect(200);
    expect(res.body.action).toBe("split");
    expect(await evidenceLinks(db)).toBe(links);
    const [junior] = await db.read(
      "MATCH (j:Person {id: 'cu-alpha-junior'}) RETURN [(j)-[:PARTICIPATED_IN]->(e) | e.id] AS events, [(j)-[:MET]-(b) | b.id] AS met",
      {},
      (r) => r.toObject(),
    );
    expect(junior).toEqual({ events: ["cu-evt-sign"], met: ["cu-beta"] });
    const history = await request(app).get("/api/nodes/cu-alpha-junior/history").expect(200);
    expect(history.body.changes[0].action).toBe("split");
    await revertAndCompare(res.body.id, baseline);
  });

  it("should refuse to revert a change that a later change builds on", async () => {
    const edit = await request(app)
      .patch("/api/nodes/cu-beta")
      .send({ reason: "spelling", name: "Beta Betasson" })
      .expect(200);
    const edit2 = await request(app)
      .patch("/api/nodes/cu-beta")
      .send({ reason: "spelling", name: "Beta Betassen" })
      .expect(200);
    await request(app).post(`/api/changes/${edit.body.id}/revert`).send({}).expect(409);
    await request(app).post(`/api/changes/${edit2.body.id}/revert`).send({}).expect(200);
    await request(app).post(`/api/changes/${edit.body.id}/revert`).send({}).expect(200);
  });

  it("should delete an event, keep its evidence marked rejected, and revert", async () => {
    const baseline = await fingerprint(db);
    const res = await request(app).delete("/api/nodes/cu-evt-meet").send({ reason: "did not happen" }).expect(200);
    expect(res.body.action).toBe("delete");
    const evidence = await db.read(
      "MATCH (ev:Evidence {subject: 'cu-evt-meet'})-[:IN_ARTICLE]->(:Article) RETURN ev.status AS status, ev.statusNote AS note, COUNT { (:Rejection {subjectId: 'cu-evt-meet'})-[:REJECTS]->(ev) } AS linked",
      {},
      (r) => r.toObject(),
    );
    expect(evidence).toEqual([{ status: "rejected", note: "did not happen", linked: expect.anything() }]);
    expect(Number(evidence[0]!.linked)).toBe(1);
    expect(await db.read("MATCH ()-[m:MET]-() RETURN m", {}, (r) => r)).toHaveLength(2); // alpha2–beta (signing), both ways
    await request(app).get("/api/nodes/cu-evt-meet").expect(404);
    const history = await request(app).get("/api/nodes/cu-evt-meet/history").expect(200);
    expect(history.body.changes[0]).toMatchObject({ action: "delete", reason: "did not happen" });
    await revertAndCompare(res.body.id, baseline);
  });

  it("should not resurrect a deleted fact when the article is ingested again", async () => {
    const { document } = articlesToImport([ARTICLE]);
    await loadImportFile(db, document);
    const article = document.articles![0]!.id.replace(/^art-/, "");
    const events = await db.read(
      "MATCH (e:Event) WHERE e.id STARTS WITH $prefix RETURN e.id AS id ORDER BY id",
      { prefix: `evt-${article}-` },
      (r) => r.get("id") as string,
    );
    expect(events.length).toBeGreaterThan(0);
    await request(app).delete(`/api/nodes/${events[0]}`).send({ reason: "misread" }).expect(200);
    await request(app).delete("/api/nodes/carl-dunmore").send({ reason: "not a person here" }).expect(200);
    const before = await readCounts(db);

    const summary = await loadImportFile(db, articlesToImport([ARTICLE]).document);
    expect(summary.skippedRejected).toMatchObject({ nodes: 2 });
    expect(summary.skippedRejected!.links).toBeGreaterThan(0);
    expect(
      await db.read("MATCH (n:Entity) WHERE n.id IN [$a, 'carl-dunmore'] RETURN n", { a: events[0] }, (r) => r),
    ).toHaveLength(0);
    expect(await readCounts(db)).toEqual(before);
  });

  it("should queue suggestions at ingest, accept one by merging, and apply the decision to later articles", async () => {
    const suggestion = {
      kind: "possible-same-person" as const,
      article: "cu-art",
      text: "Alpha",
      candidates: ["cu-alpha", "cu-alpha2"],
      chosen: null,
    };
    const doc = { ...curated(), suggestions: [suggestion] };
    const summary = await loadImportFile(db, doc);
    expect(summary.suggestions).toEqual({ stored: 1, decided: 0 });
    const open = await request(app).get("/api/suggestions?status=open").expect(200);
    expect(open.body.suggestions).toHaveLength(1);
    const id = open.body.suggestions[0].id as string;
    const accepted = await request(app).post(`/api/suggestions/${id}/accept`).send({ choice: "cu-alpha" }).expect(200);
    expect(accepted.body.suggestion).toMatchObject({ status: "accepted", chosen: "cu-alpha", decidedBy: "loopback" });
    expect(accepted.body.changes[0].action).toBe("merge");
    expect(await db.read("MATCH (n:Entity {id: 'cu-alpha2'}) RETURN n", {}, (r) => r)).toHaveLength(0);

    // The same question in a later article is answered by the remembered decision.
    const later = {
      format: "parley-import",
      version: 1,
      articles: [{ id: "cu-art-2", title: "Another invented article", text: "Alpha again.\n" }],
      suggestions: [{ ...suggestion, article: "cu-art-2", text: "ALPHA" }],
    };
    const laterSummary = await loadImportFile(db, later);
    expect(laterSummary.suggestions).toEqual({ stored: 1, decided: 1 });
    const decided = await request(app).get("/api/suggestions?status=accepted").expect(200);
    expect(decided.body.suggestions).toHaveLength(2);
    expect((await request(app).get("/api/suggestions").expect(200)).body.suggestions).toHaveLength(0);
  });

  it("should reject a suggestion and remember it", async () => {
    await loadImportFile(db, {
      ...curated(),
      suggestions: [
        { kind: "possible-same-person", article: "cu-art", text: "Beta", candidates: ["cu-beta", "cu-alpha"] },
      ],
    });
    const [s] = (await request(app).get("/api/suggestions").expect(200)).body.suggestions;
    await request(app).post(`/api/suggestions/${s.id}/reject`).send({}).expect(200);
    await request(app).post(`/api/suggestions/${s.id}/reject`).send({}).expect(409);
    const [decision] = await db.read("MATCH (d:Decision) RETURN d.outcome AS o", {}, (r) => r.get("o"));
    expect(decision).toBe("rejected");
  });

  it("should refuse every curation write without admin rights, and change nothing", async () => {
    const remote = fromAnotherMachine(createTestApp(db).app);
    const withToken = fromAnotherMachine(createTestApp(db, { PARLEY_ADMIN_TOKEN: "desk:correct-horse-battery" }).app);
    const before = await fingerprint(db);
    const writes: [string, string, object][] = [
      ["patch", "/api/nodes/cu-alpha", { reason: "x y z", name: "X" }],
      [
        "patch",
        "/api/nodes/cu-alpha2/roles",
        { reason: "x y z", roles: [{ of: "cu-gov", title: "Foreign Minister", since: "2019" }] },
      ],
      ["delete", "/api/nodes/cu-alpha", { reason: "x y z" }],
      ["post", "/api/curation/merge", { keep: "cu-alpha", merge: "cu-alpha2", reason: "x y z" }],
      [
        "post",
        "/api/curation/split",
        { id: "cu-alpha", newNode: { id: "cu-x", name: "X" }, events: ["cu-evt-meet"], reason: "x y z" },
      ],
      ["post", "/api/changes/chg-00000000000001-000001-0000/revert", {}],
      ["post", "/api/suggestions/sug-0123456789abcdef0123/accept", { choice: "cu-alpha" }],
      ["post", "/api/suggestions/sug-0123456789abcdef0123/reject", {}],
    ];
    for (const [method, url, body] of writes) {
      await (request(remote) as unknown as Record<string, (u: string) => request.Test>)[method]!(url)
        .send(body)
        .expect(401);
      await (request(withToken) as unknown as Record<string, (u: string) => request.Test>)[method]!(url)
        .send(body)
        .expect(401);
    }
    expect(await fingerprint(db)).toBe(before);
    // With the token the audit log records its label.
    const ok = await request(withToken)
      .patch("/api/nodes/cu-beta")
      .set("Authorization", "Bearer correct-horse-battery")
      .send({ reason: "desk edit", kind: "person" })
      .expect(200);
    expect(ok.body.by).toBe("desk");
  });
});
