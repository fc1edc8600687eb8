/**
 * Seed dataset tests
 * ==================
 *
 * The curated dataset in data/seed.json must validate, hold the facts the acceptance criteria name, and, when the
 * seed articles are available (../shared/seeds), cite passages that exist in the very texts it was curated from.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Citation, ImportFile, ImportNode } from "../../../contracts/import-format.js";
import { validateImport } from "../../../server/modules/ingest/import.validate.js";

const seedPath = fileURLToPath(new URL("../../../data/seed.json", import.meta.url));
const seedsDir = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

function loadSeed(): ImportFile {
  const result = validateImport(JSON.parse(readFileSync(seedPath, "utf8")));
  if (!result.ok) throw new Error(`seed dataset is invalid: ${JSON.stringify(result.errors.slice(0, 10), null, 1)}`);
  return result.data;
}

function eventsWith(data: ImportFile, ...actors: string[]): ImportNode[] {
  return data.nodes.filter((n) => n.type === "event" && actors.every((a) => n.participants.some((p) => p.actor === a)));
}

/** Every citation in the file, with where it sits. */
function allCitations(data: ImportFile): { owner: string; citation: Citation }[] {
  return [
    ...data.nodes.flatMap((n) => n.evidence.map((citation) => ({ owner: n.id, citation }))),
    ...data.roles.flatMap((r) => r.evidence.map((citation) => ({ owner: `role ${r.person}@${r.of}`, citation }))),
    ...data.quantities.flatMap((q) => q.evidence.map((citation) => ({ owner: q.id, citation }))),
  ];
}

describe("ingest #seed dataset", () => {
  const data = loadSeed();

  it("it should validate against the import format", () => {
    expect(data.articles).toHaveLength(4);
    expect(data.nodes.length).toBeGreaterThan(50);
  });

  it("it should cite every event, agreement, role and quantity", () => {
    for (const n of data.nodes) expect(n.evidence.length, n.id).toBeGreaterThan(0);
    for (const r of data.roles) expect(r.evidence.length, r.person).toBeGreaterThan(0);
    for (const q of data.quantities) expect(q.evidence.length, q.id).toBeGreaterThan(0);
  });

  it("it should hold Hassan Rouhani's meeting with Nechirvan Barzani in Tehran", () => {
    const [meeting, ...more] = eventsWith(data, "hassan-rouhani", "nechirvan-barzani");
    expect(more).toHaveLength(0);
    expect(meeting).toMatchObject({ kind: "meeting", date: "2018-01-21", datePrecision: "day", place: "tehran" });
    expect(meeting!.topics.length).toBeGreaterThan(0);
    expect(meeting!.evidence.some((e) => e.article === "seed-002-reuters-2018-01-21")).toBe(true);
  });

  it("it should hold Khalaf Khalafov's three meetings in Tehran", () => {
    for (const host of ["ebrahim-raisi", "ali-akbar-ahmadian", "hossein-amir-abdollahian"]) {
      const meetings = eventsWith(data, "khalaf-khalafov", host).filter((e) => e.kind === "meeting");
      expect(meetings, host).toHaveLength(1);
      expect(meetings[0]).toMatchObject({ place: "tehran", date: "2023-10" });
    }
    const abdollahian = data.nodes.find((n) => n.id === "hossein-amir-abdollahian")!;
    expect(abdollahian.aliases).toEqual(expect.arrayContaining(["Amir-Abdollahian", "Amirabdollahian"]));
  });

  it("it should hold Masoud Pezeshkian's visit to Erbil and the 2023 security agreement", () => {
    const [visit] = eventsWith(data, "masoud-pezeshkian");
    expect(visit).toMatchObject({ kind: "visit", place: "erbil", date: "2024-09", datePrecision: "month" });
    const pact = data.nodes.find((n) => n.id === "agr-2023-iran-iraq-security-agreement")!;
    expect(pact).toMatchObject({ type: "agreement", date: "2023" });
    expect(pact.parties).toEqual(expect.arrayContaining(["gov-iran", "gov-iraq"]));
  });

  it("it should give every person a role with an office", () => {
    for (const p of data.nodes.filter((n) => n.type === "person")) {
      expect(
        data.roles.some((r) => r.person === p.id),
        p.id,
      ).toBe(true);
    }
  });

  it.skipIf(!existsSync(seedsDir))("it should cite passages inside the seed article texts", () => {
    for (const article of data.articles) {
      const path = `${seedsDir}${article.file}`;
      expect(existsSync(path), path).toBe(true);
      expect(createHash("sha256").update(readFileSync(path)).digest("hex"), article.id).toBe(article.sha256);
    }
    const texts = new Map(data.articles.map((a) => [a.id, readFileSync(`${seedsDir}${a.file}`, "utf8")]));
    for (const { owner, citation } of allCitations(data)) {
      const text = texts.get(citation.article)!;
      expect(citation.start, owner).toBeDefined();
      expect(citation.end!, owner).toBeLessThanOrEqual(text.length);
      expect(citation.end!, owner).toBeGreaterThan(citation.start!);
      // Paragraphs are non-blank lines counted from 0; the cited span must lie inside the paragraph it names.
      const lines = text.split("\n");
      let offset = 0;
      let index = 0;
      let found = false;
      for (const line of lines) {
        if (/\S/.test(line)) {
          if (index === citation.paragraph) {
            found = citation.start! >= offset && citation.end! <= offset + line.length;
            break;
          }
          index++;
        }
        offset += line.length + 1;
      }
      expect(found, `${owner} cites ${citation.article} ¶${citation.paragraph} ${citation.start}-${citation.end}`).toBe(
        true,
      );
    }
  });
});
