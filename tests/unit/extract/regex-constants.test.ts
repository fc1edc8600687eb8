// Regular expressions with Unicode property escapes (\p{Lu}, \p{L}, \p{M}) are module constants in the extractor.
// The TypeScript loader that runs the CLI, the bench and the server (tsx, through esbuild) rewrites such a literal as
// a `new RegExp(…)` call, so one written inside a function is built again on every call: for every token, when it
// sits in the tokenizer or the token classifier.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/config.js";

/** `file:line: /literal/` for each literal with a Unicode property escape written inside a function. */
function propertyEscapesInFunctions(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, inFunction: boolean) => {
    const inside = inFunction || ts.isFunctionLike(node);
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && inside && /\\[pP]\{/.test(node.getText())) {
      found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
    }
    node.forEachChild((child) => visit(child, inside));
  };
  visit(sf, false);
  return found;
}

describe("extract #regexConstants", () => {
  it("should find a property escape inside a function, and not one in a module constant", () => {
    const source = [
      "const UPPER = /^\\p{Lu}/u;",
      "export function isUpper(s: string) {",
      "  return UPPER.test(s) || /^\\p{Lt}/u.test(s) || /^[A-Z]/.test(s);",
      "}",
      "export const isMark = (s: string) => /\\p{M}/u.test(s);",
    ].join("\n");
    expect(propertyEscapesInFunctions("x.ts", source)).toEqual(["x.ts:3: /^\\p{Lt}/u", "x.ts:5: /\\p{M}/u"]);
  });

  it("should keep every extractor expression with a property escape out of function bodies", () => {
    const dirs = ["extractor", "extractor/eval"];
    const found = dirs.flatMap((dir) =>
      readdirSync(path.join(ROOT_DIR, dir))
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) => propertyEscapesInFunctions(`${dir}/${f}`, readFileSync(path.join(ROOT_DIR, dir, f), "utf8"))),
    );
    expect(found, "move these regular expressions to module constants").toEqual([]);
  });
});
