/**
 * Extraction throughput
 * =====================
 *
 * Measures how many articles per second the extractor reads on one core once warm, beside a floor measured on the
 * same texts in the same run (splitting them into sentences only), and the first call's start-up in a fresh process
 * (importing the extractor, loading its lexicons, extracting one article): the one place both `npm run bench` and
 * `npm run extract:bench` take their extraction figures from.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticles } from "../../extractor/extract.js";
import type { ArticleInput } from "../../extractor/types.js";

export interface Throughput {
  /** Articles per second of wall-clock time. */
  articlesPerSecond: number;
  /**
   * Articles per second of this process's CPU time: the one-core figure that holds on a busy machine too, where
   * other processes take turns on the cores and wall-clock rates fall with the load.
   */
  articlesPerCpuSecond: number;
  /** The floor: the same articles only split into sentences, articles per second. */
  sentenceSplitPerSecond: number;
  articles: number;
  meanChars: number;
}

/** The development corpus and seed articles beside the checkout (`../shared`), when they are there. */
export function sharedArticleFiles(rootDir: string): string[] {
  return ["../shared/corpus/articles", "../shared/corpus-world/articles", "../shared/seeds"]
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

function rate(
  inputs: ArticleInput[],
  minMs: number,
  run: (input: ArticleInput) => void,
): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i++) for (const input of inputs) run(input);
  let articles = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const input of inputs) run(input);
    articles += inputs.length;
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { wall: articles / (elapsed / 1000), cpu: articles / ((cpu.user + cpu.system) / 1e6) };
}

/** Extracts each article on its own (as the CLI and the API see them) for at least `minMs`. */
export function measureExtraction(inputs: ArticleInput[], minMs = 2_000): Throughput {
  const extraction = rate(inputs, minMs, (input) => extractArticles([input]));
  return {
    articlesPerSecond: extraction.wall,
    articlesPerCpuSecond: extraction.cpu,
    sentenceSplitPerSecond: rate(inputs, Math.min(minMs, 500), (input) => input.text.split(/(?<=[.!?])\s+/)).wall,
    articles: inputs.length,
    meanChars: inputs.reduce((n, x) => n + x.text.length, 0) / Math.max(1, inputs.length),
  };
}

export interface Startup {
  /** Importing the extractor's modules in a fresh Node process. */
  importMs: number;
  /** The first `extractArticles` call after that (lexicons and word lists load on first use). */
  firstCallMs: number;
  /** The second call on the same article, for comparison. */
  secondCallMs: number;
}

const EXTRACT_MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../extractor/extract.ts");

/**
 * Start-up cost of the first extraction, measured in a fresh Node process (as the CLI and a newly started server
 * pay it), on one article. Runs the TypeScript sources through tsx, as `npm run extract` does.
 */
export function measureStartup(file: string): Startup {
  const script = `
    const t0 = performance.now();
    const { extractArticles } = await import(${JSON.stringify(EXTRACT_MODULE)});
    const text = (await import("node:fs")).readFileSync(${JSON.stringify(file)}, "utf8");
    const t1 = performance.now();
    extractArticles([{ file: "first.txt", text }]);
    const t2 = performance.now();
    extractArticles([{ file: "second.txt", text }]);
    const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2 }));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Startup;
}
