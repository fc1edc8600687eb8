/**
 * CSV import tests
 * ================
 *
 * The CSV fixture must land in the same shape as its JSON twin, and bad CSV must be rejected at file:line:column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { decodeUtf8, parseCsvImport, readCsvFolder } from "../../../server/modules/ingest/import.csv.js";
import { validateImport, type ImportIssue } from "../../../server/modules/ingest/import.validate.js";

const fixtures = fileURLToPath(new URL("../../fixtures/ingest/", import.meta.url));
const csvDir = join(fixtures, "csv-small");

const NODES = "id,type,name\nalpha,person,Alpha\nmeet,event,Meeting\nwater,topic,Water\n";
const EDGES = "source,target,type,role\nalpha,meet,PARTICIPATED_IN,host\n";

function errorsOf(nodes: string, edges: string): ImportIssue[] {
  const result = parseCsvImport(nodes, edges);
  expect(result.ok, "expected the CSV to be rejected").toBe(false);
  return result.ok ? [] : result.errors;
}

describe("ingest #csv", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function folder(files: Record<string, string | Uint8Array>): string {
    const dir = mkdtempSync(join(tmpdir(), "parley-csv-"));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  }

  it("it should read the CSV fixture into the same shape as its JSON twin", async () => {
    const fromCsv = await readCsvFolder(csvDir);
    if (!fromCsv.ok) throw new Error(JSON.stringify(fromCsv.errors));
    const fromJson = validateImport(JSON.parse(readFileSync(join(fixtures, "small.json"), "utf8")));
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const { title: _title, ...json } = fromJson.data;
    expect(fromCsv.data).toEqual(json);
  });

  it("it should accept the plain Gephi/Kumu spellings (Id, Label, Type, Source, Target)", () => {
    const result = parseCsvImport(
      "Id,Label,Type\nalpha,Alpha,Person\nmeet,Meeting,Event\n",
      "Source,Target,Type,role\nalpha,meet,participated_in,guest\n",
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.nodes[1]!.participants).toEqual([{ actor: "alpha", role: "guest" }]);
    expect(result.data.nodes[0]!.name).toBe("Alpha");
  });

  const cases: { name: string; nodes: string; edges: string; path: string; message: RegExp }[] = [
    {
      name: "an empty nodes file",
      nodes: "",
      edges: EDGES,
      path: "nodes.csv:1:1",
      message: /empty; expected a header line/,
    },
    {
      name: "a missing header line",
      nodes: "alpha,person,Alpha\nmeet,event,Meeting\n",
      edges: EDGES,
      path: "nodes.csv:1:1",
      message: /header line is missing/,
    },
    {
      name: "a header without a source column",
      nodes: NODES,
      edges: "from,target,type\nalpha,meet,PARTICIPATED_IN\n",
      path: "edges.csv:1:1",
      message: /unknown column "from"|no "source" column/,
    },
    {
      name: "an unknown column type",
      nodes: "id,type,name,born:date2\nalpha,person,Alpha,1950\n",
      edges: "source,target,type\n",
      path: "nodes.csv:1:4",
      message: /unknown column type "date2"/,
    },
    {
      name: "a wrong number of fields",
      nodes: "id,type,name\nalpha,person,Alpha,extra\n",
      edges: "source,target,type\n",
      path: "nodes.csv:2:4",
      message: /expected 3 fields as in the header, found 4/,
    },
    {
      name: "an unknown node type",
      nodes: "id,type,name\nalpha,nation,Alpha\n",
      edges: "source,target,type\n",
      path: "nodes.csv:2:2",
      message: /"nation" is not a node type/,
    },
    {
      name: "mixed-up columns (type in the source column)",
      nodes: NODES,
      edges: "source,type,target\nPARTICIPATED_IN,alpha,meet\n",
      path: "edges.csv:2:2",
      message: /unknown edge type "alpha" \("alpha" is a node id: are the columns mixed up\?\)/,
    },
    {
      name: "mixed-up columns (an edge type where the target belongs)",
      nodes: NODES,
      edges: "source,target,type\nalpha,PARTICIPATED_IN,PARTICIPATED_IN\n",
      path: "edges.csv:2:2",
      message: /"PARTICIPATED_IN" is an edge type: are the columns mixed up\?/,
    },
    {
      name: "a source that is not a node id",
      nodes: NODES,
      edges: "source,target,type\nalfa,meet,PARTICIPATED_IN\n",
      path: "edges.csv:2:1",
      message: /"alfa" is not a node id in nodes\.csv \(did you mean "alpha"\?\)/,
    },
    {
      name: "swapped source and target",
      nodes: NODES,
      edges: "source,target,type\nmeet,alpha,PARTICIPATED_IN\n",
      path: "edges.csv:2:1",
      message: /look swapped/,
    },
    {
      name: "an unknown edge type",
      nodes: NODES,
      edges: "source,target,type\nalpha,meet,MET_WITH\n",
      path: "edges.csv:2:3",
      message: /unknown edge type "MET_WITH"; expected one of PARTICIPATED_IN/,
    },
    {
      name: "a bad integer",
      nodes: "id,type,name,born:int\nalpha,person,Alpha,nineteen\n",
      edges: "source,target,type\n",
      path: "nodes.csv:2:4",
      message: /expected an integer, got "nineteen"/,
    },
    {
      name: "a bad date, mapped back to its cell",
      nodes: "id,type,name,date\nmeet,event,Meeting,2023-02-30\n",
      edges: "source,target,type\n",
      path: "nodes.csv:2:4",
      message: /column "date": not a real calendar date/,
    },
    {
      name: "an unclosed quote",
      nodes: 'id,type,name\nalpha,person,"Alpha\n',
      edges: "source,target,type\n",
      path: "nodes.csv:2:3",
      message: /never closed/,
    },
    {
      name: "a 10 MB field",
      nodes: `id,type,name\nalpha,person,${"x".repeat(10 * 1024 * 1024)}\n`,
      edges: "source,target,type\n",
      path: "nodes.csv:2:3",
      message: /column "name":.*500/,
    },
    {
      name: "a duplicate id",
      nodes: "id,type,name\nalpha,person,Alpha\nalpha,person,Alpha again\n",
      edges: "source,target,type\n",
      path: "nodes.csv:3:1",
      message: /duplicate id "alpha"/,
    },
    {
      name: "until before since on a role",
      nodes: "id,type,name\nalpha,person,Alpha\ngov,government,Gov\n",
      edges: "source,target,type,title,since,until\nalpha,gov,HOLDS_ROLE,Minister,2020,2019\n",
      path: "edges.csv:2:6",
      message: /until \(2019\) is before since \(2020\)/,
    },
    {
      name: "a partOf cycle",
      nodes: "id,type,name\na,organization,A\nb,organization,B\n",
      edges: "source,target,type\na,b,PART_OF\nb,a,PART_OF\n",
      path: "edges.csv:3:2",
      message: /partOf forms a cycle/,
    },
    {
      name: "binary text",
      nodes: "id,type,name\n\u0000\u0001\u0002",
      edges: EDGES,
      path: "nodes.csv:1:1",
      message: /binary data/,
    },
  ];

  for (const c of cases) {
    it(`it should reject ${c.name}`, () => {
      const errors = errorsOf(c.nodes, c.edges);
      const hit = errors.find((e) => e.path === c.path);
      expect(hit, JSON.stringify(errors.slice(0, 5))).toBeDefined();
      expect(hit!.message).toMatch(c.message);
      for (const e of errors) expect(e.message.length).toBeLessThan(1000);
    });
  }

  it("it should reject UTF-16 and binary files, naming the file", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,type,name\n", "utf16le")]);
    const result = await readCsvFolder(folder({ "nodes.csv": utf16, "edges.csv": "source,target,type\n" }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toEqual({
        path: "nodes.csv:1:1",
        message: expect.stringMatching(/nodes\.csv is UTF-16/),
      });

    const binary = await readCsvFolder(
      folder({ "nodes.csv": NODES, "edges.csv": Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]) }),
    );
    expect(binary.ok).toBe(false);
    if (!binary.ok) expect(binary.errors[0]!.message).toMatch(/edges\.csv contains binary data/);

    const latin1 = decodeUtf8(Uint8Array.from([0x69, 0x64, 0xe9, 0x0a]), "nodes.csv");
    expect(latin1).toMatchObject({ path: "nodes.csv:1:1", message: expect.stringMatching(/not valid UTF-8/) });
  });

  it("it should accept UTF-8 with a BOM and CRLF line ends", () => {
    const result = parseCsvImport('\ufeffid,type,name\r\nalpha,person,"Al ""the"" pha"\r\n', "source,target,type\r\n");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.nodes[0]!.name).toBe('Al "the" pha');
  });

  it("it should report a missing folder file", async () => {
    const result = await readCsvFolder(folder({ "nodes.csv": NODES }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe("edges.csv:1:1");
  });
});
