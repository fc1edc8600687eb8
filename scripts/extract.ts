// Extract CLI: `npm run --silent extract -- <file> [<file>…]` prints one JSON document on stdout.
// Progress and warnings go to stderr so stdout stays machine-readable.

import { readFileSync, statSync } from "node:fs";
import { extractArticles } from "../extractor/extract";
import type { ArticleInput } from "../extractor/types";

const MAX_BYTES = 10 * 1024 * 1024;

function main(argv: string[]): number {
  const files = argv.filter((a) => a !== "--");
  if (!files.length) {
    process.stderr.write("extract: usage: npm run --silent extract -- <article.txt> [<article.txt>…]\n");
    return 2;
  }
  const inputs: ArticleInput[] = [];
  for (const file of files) {
    try {
      const size = statSync(file).size;
      if (size > MAX_BYTES) {
        process.stderr.write(`extract: skipping ${file}: ${size} bytes is over the ${MAX_BYTES}-byte limit\n`);
        continue;
      }
      const buf = readFileSync(file);
      if (buf.includes(0)) {
        process.stderr.write(`extract: skipping ${file}: binary content (NUL bytes)\n`);
        continue;
      }
      const text = new TextDecoder("utf-8", { fatal: false }).decode(buf);
      if (text.includes("\uFFFD"))
        process.stderr.write(`extract: warning: ${file} is not valid UTF-8; replaced bad bytes\n`);
      inputs.push({ file, text });
    } catch (err) {
      process.stderr.write(`extract: cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const t0 = performance.now();
  const result = extractArticles(inputs);
  process.stderr.write(
    `extract: ${inputs.length} article(s), ${result.actors.length} actors, ${result.events.length} events in ${(performance.now() - t0).toFixed(0)} ms\n`,
  );
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
