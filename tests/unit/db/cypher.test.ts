/**
 * Unit tests of the Cypher files and their one way of being filled: every file resolves (fragments with the
 * variables they declare, slots from closed lists only), every `cypher("…")` name in the code names a file, and every
 * file is used. The sources are read as text, so a query renamed on one side only fails here, not in production.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/config.js";
import {
  CYPHER_DIR,
  cypher,
  type CypherSlots,
  fillSlots,
  parseFragment,
  resolveFragments,
  slotsOf,
} from "../../../server/db/cypher.js";

/** Every file under `dir` (recursively) whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(full, extensions);
    return extensions.some((ext) => entry.name.endsWith(ext)) ? [full] : [];
  });
}

/** `queries/graph/actors` for `cypher/queries/graph/actors.cypher`. */
const nameOf = (file: string) => path.relative(CYPHER_DIR, file).replace(/\.cypher$/, "");

const queryNames = filesUnder(path.join(CYPHER_DIR, "queries"), [".cypher"]).map(nameOf);
const fragmentNames = filesUnder(path.join(CYPHER_DIR, "fragments"), [".cypher"]).map(
  (file) => nameOf(file).split("/")[1]!,
);

/** A value of each slot's closed list, to fill every template once. */
const SAMPLE_SLOTS: Required<CypherSlots> = {
  label: "Person",
  from: "Entity",
  to: "Evidence",
  labels: ["Entity", "Person"],
  stagingLabel: "StagedPerson",
  type: "PARTICIPATED_IN",
  max: 8,
};
const sampleSlotsOf = (name: string): CypherSlots =>
  Object.fromEntries(slotsOf(name).map((slot) => [slot, SAMPLE_SLOTS[slot as keyof CypherSlots]]));

/** The literal names passed to `cypher("…")` in the server, scripts and tests (a template string with `${` is not). */
function namesUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const sources = ["server", "scripts", "tests", "extractor"].flatMap((dir) =>
    filesUnder(path.join(ROOT_DIR, dir), [".ts"]),
  );
  for (const file of sources) {
    if (file === __filename) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bcypher\(\s*(["'`])([^"'`$]+)\1/g)) {
      used.set(m[2]!, path.relative(ROOT_DIR, file));
    }
  }
  return used;
}

describe("db #cypher files", () => {
  it("should resolve every query file with its fragments and fill its slots, leaving no placeholder", () => {
    expect(queryNames.length).toBeGreaterThan(50);
    for (const name of queryNames) {
      const text = cypher(name, sampleSlotsOf(name));
      expect(text, name).not.toContain("{{");
      expect(text.trim(), name).not.toBe("");
    }
  });

  it("should find a file for every cypher(name) in the code", () => {
    const used = namesUsedInCode();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([name]) => name !== "schema" && !queryNames.includes(name));
    expect(missing).toEqual([]);
  });

  it("should use every query file and the schema somewhere in the code", () => {
    const used = namesUsedInCode();
    expect(used.has("schema")).toBe(true);
    expect(queryNames.filter((name) => !used.has(name))).toEqual([]);
  });

  it("should use every fragment in a query or another fragment", () => {
    const texts = [...queryNames, ...fragmentNames.map((f) => `fragments/${f}`)].map((name) =>
      readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8"),
    );
    const unused = fragmentNames.filter((fragment) => !texts.some((text) => text.includes(`{{${fragment}(`)));
    expect(unused).toEqual([]);
  });

  it("should declare every variable a fragment takes from its caller", () => {
    for (const fragment of fragmentNames) {
      const { params, body } = parseFragment(
        readFileSync(path.join(CYPHER_DIR, "fragments", `${fragment}.cypher`), "utf8"),
      );
      expect(params.length, fragment).toBeGreaterThan(0);
      const used = [...body.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
      expect(new Set(used), fragment).toEqual(new Set(params));
    }
  });
});

describe("db #cypher fragments", () => {
  const fragments: Record<string, string> = {
    degree: "// @param entity -- the node\nCOUNT { ({{entity}})--() }",
    involves: "// @param entity -- the node\n// @param event -- the event\nEXISTS { ({{entity}})-->({{event}}) }",
    sneaky: "// @param entity -- the node\nEXISTS { ({{entity}})-->({{event}}) }",
    lazy: "// @param entity -- the node\n// @param event -- the event\nCOUNT { ({{entity}})--() }",
    citing: "// @param evidence -- the evidence\n{{evidence}} {.id, first: {{degree(firstNode)}}}",
  };
  const read = (name: string) => {
    const text = fragments[name];
    if (text === undefined) throw new Error(`no fragment ${name}`);
    return parseFragment(text);
  };

  it("should put the caller's variables where the fragment declares them", () => {
    expect(resolveFragments("RETURN {{involves(n, e)}} AS x", "test", read)).toBe("RETURN EXISTS { (n)-->(e) } AS x");
  });

  it("should resolve fragments inside fragments, each about its own variables", () => {
    expect(resolveFragments("RETURN {{citing(ev)}}", "test", read)).toBe(
      "RETURN ev {.id, first: COUNT { (firstNode)--() }}",
    );
  });

  it("should refuse a call that passes a different number of variables than declared", () => {
    expect(() => resolveFragments("RETURN {{involves(n)}}", "queries/x", read)).toThrow(
      /passes 1 variable.*declares 2/,
    );
  });

  it("should refuse a fragment that uses a variable it does not declare", () => {
    expect(() => resolveFragments("RETURN {{sneaky(n)}}", "queries/x", read)).toThrow(/\{\{event\}\} without a/);
  });

  it("should refuse a fragment that declares a variable it never uses", () => {
    expect(() => resolveFragments("RETURN {{lazy(n, e)}}", "queries/x", read)).toThrow(/declares @param event/);
  });
});

describe("db #cypher slots", () => {
  const template = "MATCH (a:{{label}})-[:{{type}}*..{{max}}]-(b) SET b:{{labels}}";

  it("should fill slots with values of their closed lists", () => {
    expect(fillSlots(template, "t", { label: "Person", type: "MET", max: 4, labels: ["Entity", "Topic"] })).toBe(
      "MATCH (a:Person)-[:MET*..4]-(b) SET b:Entity:Topic",
    );
  });

  it("should refuse a value outside its closed list, even when the types are bypassed", () => {
    const slots = { label: "Person", type: "MET", max: 4, labels: ["Entity"] };
    const injected = { ...slots, label: "Person) DETACH DELETE (a" } as unknown as CypherSlots;
    expect(() => fillSlots(template, "t", injected)).toThrow(/is not allowed in \{\{label\}\}/);
    expect(() => fillSlots(template, "t", { ...slots, type: "KNOWS" } as unknown as CypherSlots)).toThrow(
      /\{\{type\}\}/,
    );
    expect(() => fillSlots(template, "t", { ...slots, max: 2.5 } as unknown as CypherSlots)).toThrow(/\{\{max\}\}/);
    expect(() => fillSlots(template, "t", { ...slots, max: 1000 } as unknown as CypherSlots)).toThrow(/\{\{max\}\}/);
    expect(() => fillSlots(template, "t", { ...slots, labels: [] } as unknown as CypherSlots)).toThrow(
      /\{\{labels\}\}/,
    );
  });

  it("should refuse a missing slot and a slot the file does not have", () => {
    expect(() => fillSlots(template, "t", { label: "Person", type: "MET", max: 4 })).toThrow(
      /\{\{labels\}\} needs a value/,
    );
    expect(() => fillSlots("MATCH (n:{{label}})", "t", { label: "Person", type: "MET" })).toThrow(
      /no slot \{\{type\}\}/,
    );
  });

  it("should refuse a query file filled with a slot it lacks or without one it has", () => {
    expect(() => cypher("queries/graph/actors", { label: "Person" })).toThrow(/no slot \{\{label\}\}/);
    expect(() => cypher("queries/ingest/nodes")).toThrow(/\{\{label\}\} needs a value/);
  });
});
