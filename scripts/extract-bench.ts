/**
 * npm run extract:bench -- [<file>…]
 * ==================================
 *
 * Prints extraction throughput in articles/second warm on one core (target ≥ 200) and the first call's start-up
 * in a fresh process. Without arguments it reads ../shared/corpus, ../shared/corpus-world and ../shared/seeds.
 * `npm run bench` reports the same figures (both come from tests/bench/extraction-throughput.ts) in its table.
 */
import os from "node:os";
import { ROOT_DIR } from "../server/config.js";
import { parseCli } from "./cli.js";
import {
  measureExtraction,
  measureStartup,
  readArticles,
  sharedArticleFiles,
} from "../tests/bench/extraction-throughput.js";

const USAGE =
  "usage: npm run extract:bench -- [<article.txt>…]\n" +
  "  extraction throughput (articles per CPU-second, warm, one core) and the first call's start-up; without files\n" +
  "  it reads ../shared/corpus, ../shared/corpus-world and ../shared/seeds\n";
const { positionals: args } = parseCli({ name: "extract:bench", usage: USAGE, options: {}, positionals: true });
const files = args.length ? args : sharedArticleFiles(ROOT_DIR);
if (!files.length) {
  console.error("extract:bench: no articles given and ../shared/corpus not found");
  process.exit(2);
}
const t = measureExtraction(readArticles(files));
console.log(
  `extract: ${t.articlesPerCpuSecond.toFixed(0)} articles per CPU-second warm, one core, rules only ` +
    `(${t.articlesPerSecond.toFixed(0)}/s of wall-clock time at load ${os.loadavg()[0].toFixed(1)}; ${t.articles} ` +
    `articles, mean ${t.meanChars.toFixed(0)} chars; sentence splitting alone: ${t.sentenceSplitPerSecond.toFixed(0)} articles/s)`,
);
console.log(t.articlesPerCpuSecond >= 200 ? "ok (target ≥ 200 articles/s)" : "below target (200 articles/s)");
const s = measureStartup(files[0]);
console.log(
  `first call start-up (fresh process): ${(s.importMs + s.firstCallMs).toFixed(0)} ms = import ${s.importMs.toFixed(0)} ms ` +
    `+ first article ${s.firstCallMs.toFixed(0)} ms (a warm call takes ${s.secondCallMs.toFixed(0)} ms)`,
);
