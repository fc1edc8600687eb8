/**
 * Import cycles
 * =============
 *
 * No file of Parley's may reach itself through its imports, type-only imports included: a cycle makes load order
 * matter (a value read before its module ran is undefined) and ties modules that should change apart. The graph
 * is read from the sources (tests/helpers/import-graph.ts); the samples below show what counts as an import.
 */
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/config.js";
import { checkoutImportGraph, importCycles, importGraph } from "../../helpers/import-graph.js";

describe("architecture #importCycles", () => {
  it("should find a cycle made of type-only imports and re-exports", () => {
    const graph = importGraph(
      new Map([
        ["server/app.ts", 'import type { Deps } from "./deps.js";\nexport const app = 1;'],
        ["server/deps.ts", 'export type { App } from "./app.js";\nexport type Deps = { a: 1 };'],
        ["server/free.ts", 'import { app } from "./app.js";'],
      ]),
    );
    expect(importCycles(graph)).toEqual([["server/app.ts", "server/deps.ts", "server/app.ts"]]);
  });

  it("should count import() in a type and a folder's index, but not dynamic import() calls or comments", () => {
    const graph = importGraph(
      new Map([
        ["client/a.ts", 'type B = import("./b").B;\n// import "./c.js"\nexport type A = B;'],
        ["client/b/index.ts", 'import "../c.js";\nexport type B = 1;'],
        ["client/c.ts", 'export const load = () => import("./a.js");\nimport type { A } from "./a.js";'],
        ["client/d.ts", 'export const lazy = () => import("./e.js");'],
        ["client/e.ts", 'import "./d.js";'],
      ]),
    );
    expect(importCycles(graph)).toEqual([["client/a.ts", "client/b/index.ts", "client/c.ts", "client/a.ts"]]);
  });

  it("should find a file that imports itself", () => {
    expect(importCycles(importGraph(new Map([["tests/x.ts", 'import "./x.js";']])))).toEqual([
      ["tests/x.ts", "tests/x.ts"],
    ]);
  });

  it("should find no import cycle in the checkout", () => {
    const graph = checkoutImportGraph(ROOT_DIR);
    // The graph is read at all: the server's entry point imports the app factory.
    expect(graph.get("server/main.ts")).toContain("server/app.ts");
    const cycles = importCycles(graph).map((cycle) => cycle.join(" → "));
    expect(cycles, "import cycles (move the shared part into its own module)").toEqual([]);
  });
});
