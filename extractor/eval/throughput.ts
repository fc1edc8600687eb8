/**
 * Extraction throughput
 * =====================
 *
 * Measures how many articles per second the extractor reads on one core, beside a floor measured on the same texts
 * in the same run (splitting them into sentences only), for `npm run extract:bench` and `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractArticles } from "../extract.js";
import type { ArticleInput } from "../types.js";

export interface Throughput {
  articlesPerSecond: number;
  /** The floor: the same articles only split into sentences, articles per second. */
  sentenceSplitPerSecond: number;
  articles: number;
  meanChars: number;
}

/** The development corpus and seed articles beside the checkout (`../shared`), when they are there. */
export function sharedArticleFiles(rootDir: string): string[] {
  return ["../shared/corpus/articles", "../shared/seeds"]
    .map((d) => path.resolve(rootDir, d))
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => path.join(d, f)),
    );
}

/** Reads files as articles. */
export function readArticles(files: string[]): ArticleInput[] {
  return files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

function rate(inputs: ArticleInput[], minMs: number, run: (input: ArticleInput) => void): number {
  for (let i = 0; i < 3; i++) for (const input of inputs) run(input);
  let articles = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const input of inputs) run(input);
    articles += inputs.length;
    elapsed = performance.now() - started;
  }
  return articles / (elapsed / 1000);
}

/** Extracts each article on its own (as the CLI and the API see them) for at least `minMs`. */
export function measureExtraction(inputs: ArticleInput[], minMs = 2_000): Throughput {
  return {
    articlesPerSecond: rate(inputs, minMs, (input) => extractArticles([input])),
    sentenceSplitPerSecond: rate(inputs, Math.min(minMs, 500), (input) => input.text.split(/(?<=[.!?])\s+/)),
    articles: inputs.length,
    meanChars: inputs.reduce((n, x) => n + x.text.length, 0) / Math.max(1, inputs.length),
  };
}
