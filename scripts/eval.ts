// Eval CLI: `npm run eval -- --gold <gold.json> <articles…> [--json] [--diff]` scores the extractor.
// Prints precision/recall/F1 for persons, meeting pairs, roles and identity, plus date/place accuracy.

import { readFileSync } from "node:fs";
import { scoreExtraction, type GoldFile, type PRF } from "../extractor/eval/score";
import { extractArticles } from "../extractor/extract";

function main(argv: string[]): number {
  let goldPath: string | null = null;
  let json = false;
  let diff = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--gold") goldPath = argv[++i] ?? null;
    else if (a === "--json") json = true;
    else if (a === "--diff") diff = true;
    else if (a !== "--") files.push(a);
  }
  if (!goldPath || !files.length) {
    process.stderr.write("eval: usage: npm run eval -- --gold <gold.json> <article.txt…> [--json] [--diff]\n");
    return 2;
  }
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as GoldFile;
  const result = extractArticles(files.map((file) => ({ file, text: readFileSync(file, "utf8") })));
  const scores = scoreExtraction(result, gold);
  if (json) {
    process.stdout.write(JSON.stringify(diff ? scores : { ...scores, diffs: undefined }, null, 2) + "\n");
    return 0;
  }
  const row = (name: string, m: PRF, target: number) =>
    `${name.padEnd(16)} ${m.precision.toFixed(3).padStart(9)} ${m.recall.toFixed(3).padStart(9)} ${m.f1.toFixed(3).padStart(9)}   ${m.f1 >= target ? "ok" : "below"} (target ${target.toFixed(2)})`;
  const lines = [
    `articles scored: ${scores.articles}`,
    `${"metric".padEnd(16)} ${"precision".padStart(9)} ${"recall".padStart(9)} ${"F1".padStart(9)}`,
    row("persons", scores.persons, 0.95),
    row("meeting pairs", scores.pairs, 0.85),
    row("roles", scores.roles, 0.8),
    row("identity (B3)", scores.identity, 0.95),
    `date accuracy    ${scores.dates.accuracy.toFixed(3)} (${scores.dates.correct}/${scores.dates.matched} matched events)`,
    `place accuracy   ${scores.places.accuracy.toFixed(3)} (${scores.places.correct}/${scores.places.matched} matched events)`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  if (diff) {
    for (const d of scores.diffs) {
      const parts = Object.entries(d).filter(([k, v]) => k !== "article" && Array.isArray(v) && v.length);
      if (!parts.length) continue;
      process.stdout.write(`\n${d.article}\n`);
      for (const [k, v] of parts) process.stdout.write(`  ${k}: ${(v as string[]).join(" | ")}\n`);
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
