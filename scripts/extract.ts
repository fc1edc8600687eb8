// Extract CLI: `npm run --silent extract -- [--all] [--threshold <0..1>] <file> [<file>…]` prints one JSON document
// on stdout. Items below the confidence threshold are left out (`--all` keeps them, marked `"doubtful": true`); a
// long text that is clearly not English is skipped with a message. Progress and warnings go to stderr so stdout
// stays machine-readable.

import { readFileSync, statSync } from "node:fs";
import { DEFAULT_CONFIDENCE_THRESHOLD, markDoubtful, splitByConfidence } from "../extractor/confidence";
import { extractArticles } from "../extractor/extract";
import { detectLanguage, notEnglishMessage } from "../extractor/language";
import type { ArticleInput } from "../extractor/types";

const MAX_BYTES = 10 * 1024 * 1024;
const USAGE =
  "usage: npm run --silent extract -- [--all] [--threshold <0..1>] <article.txt> [<article.txt>…]\n" +
  "  prints one JSON document of who met whom on stdout; --all keeps items below the threshold, marked doubtful\n";

function main(argv: string[]): number {
  let all = false;
  let threshold = DEFAULT_CONFIDENCE_THRESHOLD;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") continue;
    else if (a === "--help" || a === "-h") {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === "--all") all = true;
    else if (a === "--threshold") {
      threshold = Number(argv[++i]);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        process.stderr.write(`extract: --threshold needs a number from 0 to 1, got '${argv[i] ?? ""}'\n`);
        return 2;
      }
    } else if (a.startsWith("-")) {
      process.stderr.write(`extract: Unknown option '${a}'; --help shows the usage\n`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    process.stderr.write(`extract: ${USAGE}`);
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
      const language = detectLanguage(text);
      if (!language.english) {
        process.stderr.write(`extract: skipping ${file}: ${notEnglishMessage(language)}\n`);
        continue;
      }
      inputs.push({ file, text });
    } catch (err) {
      process.stderr.write(`extract: cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const t0 = performance.now();
  const everything = extractArticles(inputs);
  const result = all ? markDoubtful(everything, threshold) : splitByConfidence(everything, threshold).kept;
  const left = everything.actors.length - (all ? 0 : result.actors.length);
  process.stderr.write(
    `extract: ${inputs.length} article(s), ${result.actors.length} actors, ${result.events.length} events in ` +
      `${(performance.now() - t0).toFixed(0)} ms` +
      (all
        ? ` (doubtful items marked, threshold ${threshold})\n`
        : `; ${left} doubtful actor(s) below ${threshold} left out (--all keeps them)\n`),
  );
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
