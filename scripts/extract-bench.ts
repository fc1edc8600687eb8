// Extract benchmark: `npm run extract:bench -- [<file>…]` prints extraction throughput in articles/second.
// Without arguments it reads ../shared/corpus/articles and ../shared/seeds (target ≥ 200 articles/s, one core).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractArticles } from "../server/modules/ingest/extract/extract";
import type { ArticleInput } from "../server/modules/ingest/extract/types";

function defaultFiles(): string[] {
  const dirs = ["../shared/corpus/articles", "../shared/seeds"];
  return dirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(d, f)),
    );
}

function main(argv: string[]): number {
  const args = argv.filter((a) => a !== "--");
  const files = args.length ? args : defaultFiles();
  if (!files.length) {
    process.stderr.write("extract:bench: no articles given and ../shared/corpus not found\n");
    return 2;
  }
  const inputs: ArticleInput[] = files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < 5; i++) extractArticles(inputs);
  const minMs = 2000;
  let articles = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    // One article per call, as the CLI and the API see them, plus one batched call (cross-article identity).
    for (const input of inputs) extractArticles([input]);
    extractArticles(inputs);
    articles += inputs.length * 2;
    elapsed = performance.now() - t0;
  }
  const rate = articles / (elapsed / 1000);
  const chars = inputs.reduce((n, x) => n + x.text.length, 0) / inputs.length;
  console.log(
    `extract: ${rate.toFixed(0)} articles/s (${inputs.length} articles, mean ${chars.toFixed(0)} chars, ${articles} extracted in ${(elapsed / 1000).toFixed(2)} s)`,
  );
  console.log(rate >= 200 ? "ok (target ≥ 200 articles/s)" : "below target (200 articles/s)");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
