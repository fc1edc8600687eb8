/**
 * Import validation tests
 * =======================
 *
 * Table-driven bad inputs for `validateImport`: each must be rejected with a message at the right JSON path.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import {
  MAX_REPORTED_ISSUES,
  partialDateRange,
  validateImport,
  validateImportText,
  type ImportIssue,
} from "../../../server/modules/ingest/import.validate.js";

const fixturePath = fileURLToPath(new URL("../../fixtures/ingest/small.json", import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Context {
  file: Json;
}

function errorsOf(input: unknown): ImportIssue[] {
  const result = validateImport(input);
  expect(result.ok, "expected the input to be rejected").toBe(false);
  return result.ok ? [] : result.errors;
}

function nodeIndex(file: Json, id: string): number {
  return file.nodes.findIndex((n: Json) => n.id === id);
}

describe("ingest #validateImport", () => {
  beforeEach<Context>((ctx) => {
    ctx.file = JSON.parse(readFileSync(fixturePath, "utf8"));
  });

  it<Context>("it should accept the small fixture and apply defaults", ({ file }) => {
    const result = validateImport(file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const topic = result.data.nodes.find((n) => n.id === "topic-water")!;
    expect(topic.aliases).toEqual([]);
    expect(result.data.roles[0]!.evidence[0]!.by).toBe("curator");
  });

  // Each case: a mutation of the valid fixture, the path the error must name, and a word the message must contain.
  const cases: { name: string; mutate: (f: Json) => void; path: string | RegExp; message: RegExp }[] = [
    {
      name: "missing id",
      mutate: (f) => delete f.nodes[0].id,
      path: "$.nodes[0].id",
      message: /required field is missing/,
    },
    {
      name: "dangling reference with a suggestion",
      mutate: (f) => (f.nodes[nodeIndex(f, "evt-2020-05-04-alpha-beta-gamma")].participants[0].actor = "alpha-persn"),
      path: /^\$\.nodes\[\d+\]\.participants\[0\]\.actor$/,
      message: /no node with id "alpha-persn" \(did you mean "alpha-person"\?\)/,
    },
    {
      name: "duplicate id across sections",
      mutate: (f) => (f.nodes[1].id = "fx-article"),
      path: "$.nodes[1].id",
      message: /duplicate id "fx-article" \(already used by \$\.articles\[0\]\)/,
    },
    {
      name: "unknown node type",
      mutate: (f) => (f.nodes[0].type = "nation"),
      path: "$.nodes[0].type",
      message: /type must be one of person, government/,
    },
    {
      name: "bad date 2023-02-30",
      mutate: (f) => (f.nodes[nodeIndex(f, "evt-2020-05-04-alpha-beta-gamma")].date = "2023-02-30"),
      path: /^\$\.nodes\[\d+\]\.date$/,
      message: /not a real calendar date/,
    },
    {
      name: "date precision that does not match the date",
      mutate: (f) => (f.nodes[nodeIndex(f, "evt-2020-05-04-alpha-beta-gamma")].datePrecision = "month"),
      path: /\.datePrecision$/,
      message: /does not match/,
    },
    {
      name: "reference to the wrong type (a topic as participant)",
      mutate: (f) => (f.nodes[nodeIndex(f, "evt-2020-05-04-alpha-beta-gamma")].participants[1].actor = "topic-water"),
      path: /participants\[1\]\.actor$/,
      message: /"topic-water" is a topic .*expected a person, a government, an organization or a country/,
    },
    {
      name: "place that is a person",
      mutate: (f) => (f.nodes[nodeIndex(f, "evt-2020-05-04-alpha-beta-gamma")].place = "alpha-person"),
      path: /\.place$/,
      message: /expected a place or a country/,
    },
    {
      name: "role held by a non-person",
      mutate: (f) => (f.roles[0].person = "gov-north"),
      path: "$.roles[0].person",
      message: /is a government .*expected a person/,
    },
    {
      name: "wrong JSON type",
      mutate: (f) => (f.nodes[0].aliases = "Northland"),
      path: "$.nodes[0].aliases",
      message: /expected array/,
    },
    {
      name: "10 MB string",
      mutate: (f) => (f.nodes[0].name = "x".repeat(10 * 1024 * 1024)),
      path: "$.nodes[0].name",
      message: /500/,
    },
    {
      name: "partOf cycle",
      mutate: (f) => {
        f.nodes.push({ id: "org-a", type: "organization", name: "A", partOf: "org-b" });
        f.nodes.push({ id: "org-b", type: "organization", name: "B", partOf: "org-a" });
      },
      path: /^\$\.nodes\[\d+\]\.partOf$/,
      message: /partOf forms a cycle: org-[ab] → org-[ab] → org-[ab]/,
    },
    {
      name: "until before since",
      mutate: (f) => (f.roles[0].until = "2018-12"),
      path: "$.roles[0].until",
      message: /until \(2018-12\) is before since \(2019\)/,
    },
    {
      name: "evidence offsets beyond the inline text",
      mutate: (f) => (f.nodes[0].evidence[0].end = 5000),
      path: "$.nodes[0].evidence[0].end",
      message: /offset 5000 is beyond the end of article "fx-article" \(83 characters\)/,
    },
    {
      name: "evidence citing an unknown article",
      mutate: (f) => (f.roles[0].evidence[0].article = "fx-articel"),
      path: "$.roles[0].evidence[0].article",
      message: /no article with id "fx-articel" \(did you mean "fx-article"\?\)/,
    },
    {
      name: "participants on a non-event",
      mutate: (f) => (f.nodes[0].participants = [{ actor: "alpha-person" }]),
      path: "$.nodes[0].participants",
      message: /only for events/,
    },
    {
      name: "wrong format marker",
      mutate: (f) => (f.format = "gexf"),
      path: "$.format",
      message: /parley-import/,
    },
  ];

  for (const c of cases) {
    it<Context>(`it should reject ${c.name}`, ({ file }) => {
      c.mutate(file);
      const errors = errorsOf(file);
      const hit = errors.find((e) => (typeof c.path === "string" ? e.path === c.path : c.path.test(e.path)));
      expect(hit, JSON.stringify(errors.slice(0, 5))).toBeDefined();
      expect(hit!.message).toMatch(c.message);
      // Messages must stay readable even when the input is huge.
      for (const e of errors) expect(e.message.length).toBeLessThan(1000);
    });
  }

  it("it should reject an empty file", () => {
    expect(errorsOf(undefined)[0]).toMatchObject({ path: "$", message: expect.stringMatching(/empty/) });
    expect(errorsOf("")[0]!.path).toBe("$");
    const text = validateImportText("   \n", "empty.json");
    expect(text.ok).toBe(false);
    if (!text.ok)
      expect(text.errors[0]).toMatchObject({ path: "empty.json:1:1", message: expect.stringMatching(/empty/) });
  });

  it("it should report JSON syntax errors with line and column", () => {
    const result = validateImportText('{\n  "format": "parley-import",\n  "version": 1,,\n}', "bad.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toMatch(/^bad\.json:3:\d+$/);
  });

  it("it should reject a top-level array", () => {
    expect(errorsOf([])[0]!.message).toMatch(/got an array/);
  });

  it<Context>("it should list at most 100 errors and count the rest", ({ file }) => {
    const event = file.nodes[nodeIndex(file, "evt-2020-05-04-alpha-beta-gamma")];
    event.participants = Array.from({ length: 150 }, (_, i) => ({ actor: `ghost-${i}` }));
    const errors = errorsOf(file);
    expect(errors).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(errors.at(-1)).toEqual({ path: "$", message: "50 more error(s) not shown" });
  });

  it("it should expand partial dates to their first and last day", () => {
    expect(partialDateRange("2024")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(partialDateRange("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(partialDateRange("2018-01-21")).toEqual({ start: "2018-01-21", end: "2018-01-21" });
  });
});
