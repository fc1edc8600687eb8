/**
 * Cypher only in repositories
 * ===========================
 *
 * Neo4j is reached only through repository modules (`*.repository.ts`) and the database layer (`server/db/`): a
 * service, a route or a helper that ran Cypher itself would be a second place to look for what the server asks of
 * the database, and would skip the record shapes and error translation the repositories give. The server's sources
 * are read as text; a call of `cypher(…)`, `.run(…)`, `executeRead` or `executeWrite` anywhere else fails the test,
 * naming the file and line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/config.js";
import { serverFiles } from "../../helpers/sources.js";

/** What running Cypher looks like in TypeScript. */
const RUNS_CYPHER = /\bcypher\(|\.run\(|\bexecuteRead\b|\bexecuteWrite\b/;

/** Whether a server file may run Cypher: a repository, or the database layer itself. */
const mayRunCypher = (file: string) => file.endsWith(".repository.ts") || file.startsWith("server/db/");

/** Lines of `text` that run Cypher (comment lines left out), as `file:line`. */
function cypherCalls(file: string, text: string): string[] {
  return text
    .split("\n")
    .flatMap((line, i) => (!/^\s*(\/\/|\*|\/\*)/.test(line) && RUNS_CYPHER.test(line) ? [`${file}:${i + 1}`] : []));
}

describe("architecture #cypherInRepositories", () => {
  it("should name the lines of a service that runs Cypher, and not its comments", () => {
    const text = [
      "// tx.run(cypher(…)) belongs in the repository",
      "const rows = await tx.run(cypher(name), { id });",
      "await session.executeWrite(work);",
    ].join("\n");
    expect(cypherCalls("server/modules/x/x.service.ts", text)).toEqual([
      "server/modules/x/x.service.ts:2",
      "server/modules/x/x.service.ts:3",
    ]);
  });

  it("should find Cypher run only in repositories and server/db/", () => {
    const files = serverFiles();
    expect(files.length).toBeGreaterThan(50);
    const outside = files
      .filter((file) => !mayRunCypher(file))
      .flatMap((file) => cypherCalls(file, readFileSync(path.join(ROOT_DIR, file), "utf8")));
    expect(outside).toEqual([]);
  });
});
