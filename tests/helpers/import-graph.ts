/**
 * The import graph
 * ================
 *
 * Parley's own TypeScript files and the files each imports, type-only imports included (`import type`, `export
 * type … from`, `import("…").T` in a type): a type import ties two modules together for every reader and every
 * refactor even though it vanishes at run time. Dynamic `import()` calls are left out, since they load on demand
 * and are the way to break a cycle that must exist. Read with TypeScript's own parser, so comments and strings
 * never count as imports.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** The folders whose files make up the graph, relative to the checkout. */
export const SOURCE_FOLDERS = ["contracts", "extractor", "server", "client", "scripts", "tests"];

/** Repository-relative paths (forward slashes) of every .ts and .mts file under `folders`, declarations excluded. */
export function sourceFiles(rootDir: string, folders = SOURCE_FOLDERS): string[] {
  return folders
    .flatMap((folder) =>
      readdirSync(path.join(rootDir, folder), { recursive: true, encoding: "utf8" }).map((f) =>
        path.posix.join(folder, f.split(path.sep).join("/")),
      ),
    )
    .filter((f) => /\.m?ts$/.test(f) && !f.endsWith(".d.ts") && !f.split("/").includes("node_modules"))
    .sort();
}

/** The module specifiers a source file imports statically, type-only ones included. */
export function staticImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal))
        specifiers.push(argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** The file a relative specifier names among `files` (`./x.js` is `./x.ts`, a folder its index.ts), if any. */
function resolveRelative(from: string, specifier: string, files: Set<string>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(m?)js$/, ".$1ts");
  return [stem, base, `${base}.ts`, `${base}.mts`, `${base}/index.ts`].find((candidate) => files.has(candidate));
}

/** Each file's imports of other files in the set (package imports are not part of the graph). */
export function importGraph(sources: Map<string, string>): Map<string, string[]> {
  const files = new Set(sources.keys());
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const targets = staticImports(file, text)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveRelative(file, specifier, files))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import graph of the checkout at `rootDir`. */
export function checkoutImportGraph(rootDir: string): Map<string, string[]> {
  return importGraph(new Map(sourceFiles(rootDir).map((f) => [f, readFileSync(path.join(rootDir, f), "utf8")])));
}

/**
 * The cycles of a graph: its strongly connected components of more than one file, and files that import themselves
 * (Tarjan's algorithm), each as a path `a → b → … → a` through the component.
 */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        strongConnect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)?.includes(file)) components.push(component);
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) strongConnect(file);
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** The shortest closed path through a strongly connected component, from its first file in sort order back to it. */
function cyclePath(graph: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  let last: string | undefined;
  while (queue.length && last === undefined) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (target === start) {
        last = file;
        break;
      }
      if (!component.has(target) || previous.has(target)) continue;
      previous.set(target, file);
      queue.push(target);
    }
  }
  const cycle = [start];
  for (let file = last!; file !== start; file = previous.get(file)!) cycle.splice(1, 0, file);
  return [...cycle, start];
}
