/**
 * Client build freshness
 * ======================
 *
 * npm start and the e2e tests serve dist/client as it is unless one of the files its build read has changed since:
 * a stale explorer must never be served. The record is written and checked here in a temporary folder standing in
 * for the checkout, with files that stand for the client, the contract and a server module the bundle imports.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changedBuildInputs, writeBuildRecord } from "../../../scripts/client-build.js";

interface Context {
  root: string;
  record: string;
  files: string[];
}

describe("client-build #changedBuildInputs", () => {
  beforeEach<Context>((context) => {
    context.root = mkdtempSync(path.join(os.tmpdir(), "parley-client-build-"));
    context.record = path.join(context.root, "dist", "client-build.json");
    context.files = ["client/src/main.ts", "contracts/api.ts", "server/modules/snapshots/graph-formats.ts"].map(
      (file) => path.join(context.root, file.replaceAll("/", "-")),
    );
    for (const file of context.files) writeFileSync(file, `// ${path.basename(file)}\n`);
  });
  afterEach<Context>(({ root }) => rmSync(root, { recursive: true, force: true }));

  it<Context>("should find nothing changed right after the build", ({ root, record, files }) => {
    writeBuildRecord(record, root, files, Date.now() + 1_000);
    expect(changedBuildInputs(record, root)).toEqual([]);
  });

  it<Context>("should name a server module the bundle imports when it changes", ({ root, record, files }) => {
    writeBuildRecord(record, root, files, Date.now() + 1_000);
    writeFileSync(files[2]!, "export const changed = true;\n");
    expect(changedBuildInputs(record, root)).toEqual([path.basename(files[2]!)]);
  });

  it<Context>("should not be fooled by a changed file that keeps its old modification time", ({
    root,
    record,
    files,
  }) => {
    writeBuildRecord(record, root, files, Date.now() + 1_000);
    writeFileSync(files[1]!, "// contracts, edited\n");
    utimesSync(files[1]!, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(changedBuildInputs(record, root)).toEqual([path.basename(files[1]!)]);
  });

  it<Context>("should count a deleted input, a missing record and a file edited during the build", ({
    root,
    record,
    files,
  }) => {
    expect(changedBuildInputs(record, root)).toEqual([record]);
    writeBuildRecord(record, root, files, Date.now() + 1_000);
    rmSync(files[0]!);
    expect(changedBuildInputs(record, root)).toEqual([path.basename(files[0]!)]);
    // Modified after the build started: the bundle may hold either version.
    writeBuildRecord(record, root, files.slice(1), 0);
    expect(changedBuildInputs(record, root)).toEqual(files.slice(1).map((f) => path.basename(f)));
  });
});
