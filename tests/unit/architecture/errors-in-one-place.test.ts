/**
 * Error classes in one place
 * ==========================
 *
 * Every error class of the server is declared in `server/errors.ts`, with its status and message: a newcomer who
 * wonders what the server can answer reads one file. The server's sources are read as text; a `class … extends
 * …Error` anywhere else fails the test, naming the file and line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/config.js";
import { serverFiles } from "../../helpers/sources.js";

/** A class declaration that extends an error class (Error, AppError, ValidationError…). */
const DECLARES_ERROR = /^\s*(export\s+)?class\s+\w+\s+extends\s+\w*Error\b/;

function errorClasses(file: string, text: string): string[] {
  return text.split("\n").flatMap((line, i) => (DECLARES_ERROR.test(line) ? [`${file}:${i + 1}`] : []));
}

describe("architecture #errorsInOnePlace", () => {
  it("should name a class that extends an error, and not a class that does not", () => {
    const text = [
      "export class FeedError extends Error {",
      "class Reader extends Base {",
      "class X extends AppError {",
    ];
    expect(errorClasses("server/a.ts", text.join("\n"))).toEqual(["server/a.ts:1", "server/a.ts:3"]);
  });

  it("should find every error class of the server in server/errors.ts", () => {
    const files = serverFiles();
    expect(
      errorClasses("server/errors.ts", readFileSync(path.join(ROOT_DIR, "server/errors.ts"), "utf8")).length,
    ).toBeGreaterThan(10);
    const elsewhere = files
      .filter((file) => file !== "server/errors.ts")
      .flatMap((file) => errorClasses(file, readFileSync(path.join(ROOT_DIR, file), "utf8")));
    expect(elsewhere).toEqual([]);
  });
});
