/**
 * Cypher files
 * ============
 *
 * Loads the `.cypher` files under `cypher/` (schema, the server's queries, saved questions) once and caches them,
 * so Cypher lives in Cypher files and TypeScript only passes parameters.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../config.js";

export const CYPHER_DIR = path.join(ROOT_DIR, "cypher");
const cache = new Map<string, string>();

/**
 * Returns the text of `cypher/<name>.cypher`, e.g. `cypher("queries/graph/overview")`, with its fragments filled
 * in: `{{degree(n)}}` becomes `cypher/fragments/degree.cypher` about the variable `n`, so an expression that several
 * queries share is written once.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = withFragments(readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8"));
    cache.set(name, text);
  }
  return text;
}

/** Fills in `{{fragment(variable)}}` references, also inside fragments (an event lists its citations). */
function withFragments(text: string): string {
  return text.replace(/\{\{(\w+)\((\w+)\)\}\}/g, (_match, fragment: string, variable: string) =>
    withFragments(fragmentText(fragment)).replaceAll("{{node}}", variable),
  );
}

/** A fragment's expression, without its comment lines. */
function fragmentText(fragment: string): string {
  return readFileSync(path.join(CYPHER_DIR, "fragments", `${fragment}.cypher`), "utf8")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .trim();
}

/** Splits a file of several statements on `;` at line ends, dropping `//` comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
