/**
 * npm run eval -- [--gold <gold.json> <article.txt…>] [--threshold <0..1>] [--json] [--diff]
 * ==========================================================================================
 *
 * Scores the extractor against gold annotations. Without arguments it reads the development corpus beside the
 * checkout (../shared/corpus and ../shared/corpus-world, d01–d34, their gold files merged). Prints precision,
 * recall and F1 at the default confidence threshold beside the targets, the rules-only row (the extractor
 * has no statistical model), and a precision–recall table over several thresholds.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CONFIDENCE_THRESHOLD, splitByConfidence } from "../extractor/confidence";
import { scoreExtraction, type GoldFile, type PRF, type Scores } from "../extractor/eval/score";
import { extractArticles } from "../extractor/extract";
import { ROOT_DIR } from "../server/config.js";

/** The targets on d01–d34. */
const TARGETS = { persons: 0.95, pairs: 0.85, roles: 0.85, identity: 0.95, dates: 0.9 } as const;
const CURVE_THRESHOLDS = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const CORPORA = ["../shared/corpus", "../shared/corpus-world"];

function defaultCorpus(): { gold: GoldFile; files: string[]; label: string } | null {
  const dirs = CORPORA.map((d) => path.resolve(ROOT_DIR, d)).filter((d) => existsSync(path.join(d, "gold.json")));
  if (!dirs.length) return null;
  const gold: GoldFile = { articles: {} };
  const files: string[] = [];
  for (const d of dirs) {
    Object.assign(gold.articles, (JSON.parse(readFileSync(path.join(d, "gold.json"), "utf8")) as GoldFile).articles);
    const articles = path.join(d, "articles");
    files.push(
      ...readdirSync(articles)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => path.join(articles, f)),
    );
  }
  return { gold, files, label: dirs.map((d) => path.relative(ROOT_DIR, d)).join(" + ") };
}

const f3 = (x: number) => x.toFixed(3);

function metricRow(name: string, m: PRF, target: number): string {
  const verdict = m.f1 >= target ? "met" : "below";
  return `${name.padEnd(15)} ${f3(m.precision).padStart(9)} ${f3(m.recall).padStart(7)} ${f3(m.f1).padStart(7)}   F1 ≥ ${target.toFixed(2)}  ${verdict}`;
}

function report(s: Scores, threshold: number, label: string): string[] {
  const dates = s.dates.accuracy;
  return [
    `Parley extraction eval: ${s.articles} articles (${label})`,
    `extractor: rules only (no statistical model); confidence threshold ${threshold.toFixed(2)}`,
    "",
    `${"metric".padEnd(15)} ${"precision".padStart(9)} ${"recall".padStart(7)} ${"F1".padStart(7)}   target`,
    metricRow("persons", s.persons, TARGETS.persons),
    metricRow("meeting pairs", s.pairs, TARGETS.pairs),
    metricRow("roles", s.roles, TARGETS.roles),
    metricRow("identity (B3)", s.identity, TARGETS.identity),
    `${"event dates".padEnd(15)} accuracy ${f3(dates)} (${s.dates.correct}/${s.dates.matched} events sharing a gold pair)   ≥ ${TARGETS.dates.toFixed(2)}  ${dates >= TARGETS.dates ? "met" : "below"}`,
    `${"event places".padEnd(15)} accuracy ${f3(s.places.accuracy)} (${s.places.correct}/${s.places.matched}; not a target)`,
  ];
}

function systemsTable(s: Scores): string[] {
  const row = (name: string, x: Scores) =>
    `${name.padEnd(15)} ${f3(x.persons.f1).padStart(7)} ${f3(x.pairs.f1).padStart(7)} ${f3(x.roles.f1).padStart(7)} ${f3(x.identity.f1).padStart(8)} ${f3(x.dates.accuracy).padStart(6)}`;
  return [
    "",
    `${"system (F1)".padEnd(15)} ${"persons".padStart(7)} ${"pairs".padStart(7)} ${"roles".padStart(7)} ${"identity".padStart(8)} ${"dates".padStart(6)}`,
    row("rules-only", s),
    `${"target".padEnd(15)} ${f3(TARGETS.persons).padStart(7)} ${f3(TARGETS.pairs).padStart(7)} ${f3(TARGETS.roles).padStart(7)} ${f3(TARGETS.identity).padStart(8)} ${f3(TARGETS.dates).padStart(6)}`,
    "(no rules+model row: the extractor uses no statistical model; no npm package ships an offline NER model)",
  ];
}

function curveTable(scoresAt: (t: number) => Scores, threshold: number): string[] {
  const pr = (m: PRF) => `${f3(m.precision)} ${f3(m.recall)}`;
  const lines = [
    "",
    "precision–recall by confidence threshold (items below it left out, as `extract` does)",
    `${"threshold".padEnd(11)} ${"persons P  R".padStart(13)} ${"pairs P  R".padStart(13)} ${"roles P  R".padStart(13)} ${"dates".padStart(6)}`,
  ];
  for (const t of [...new Set([...CURVE_THRESHOLDS, threshold])].sort((a, b) => a - b)) {
    const s = scoresAt(t);
    const mark = t === threshold ? " *" : "  ";
    lines.push(
      `${(t.toFixed(2) + mark).padEnd(11)} ${pr(s.persons).padStart(13)} ${pr(s.pairs).padStart(13)} ${pr(s.roles).padStart(13)} ${f3(s.dates.accuracy).padStart(6)}`,
    );
  }
  lines.push("* the default threshold");
  return lines;
}

const EVAL_USAGE =
  "usage: npm run eval -- [--gold <gold.json> <article.txt…>] [--threshold <0..1>] [--json] [--diff]\n" +
  "  scores the extractor on d01–d34 (../shared/corpus and corpus-world) or on the given gold file and articles\n";

function main(argv: string[]): number {
  let goldPath: string | null = null;
  let json = false;
  let diff = false;
  let threshold = DEFAULT_CONFIDENCE_THRESHOLD;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--gold") goldPath = argv[++i] ?? null;
    else if (a === "--json") json = true;
    else if (a === "--diff") diff = true;
    else if (a === "--threshold") threshold = Number(argv[++i]);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(EVAL_USAGE);
      return 0;
    } else if (a.startsWith("-") && a !== "--") {
      process.stderr.write(`eval: Unknown option '${a}'; --help shows the usage\n`);
      return 2;
    } else if (a !== "--") files.push(a);
  }
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    process.stderr.write("eval: --threshold needs a number from 0 to 1\n");
    return 2;
  }
  let corpus: { gold: GoldFile; files: string[]; label: string } | null;
  if (goldPath || files.length) {
    if (!goldPath || !files.length) {
      process.stderr.write(`eval: ${EVAL_USAGE}`);
      return 2;
    }
    corpus = { gold: JSON.parse(readFileSync(goldPath, "utf8")) as GoldFile, files, label: goldPath };
  } else corpus = defaultCorpus();
  if (!corpus) {
    process.stderr.write("eval: no arguments and no ../shared/corpus beside the checkout; pass --gold and files\n");
    return 2;
  }

  const everything = extractArticles(corpus.files.map((file) => ({ file, text: readFileSync(file, "utf8") })));
  const scoresAt = (t: number) => scoreExtraction(splitByConfidence(everything, t).kept, corpus.gold);
  const scores = scoresAt(threshold);
  if (json) {
    const curve = CURVE_THRESHOLDS.map((t) => {
      const s = scoresAt(t);
      return { threshold: t, persons: s.persons, pairs: s.pairs, roles: s.roles, dates: s.dates };
    });
    const out = { threshold, targets: TARGETS, system: "rules-only", ...scores, curve };
    process.stdout.write(JSON.stringify(diff ? out : { ...out, diffs: undefined }, null, 2) + "\n");
    return 0;
  }
  const lines = [
    ...report(scores, threshold, corpus.label),
    ...systemsTable(scores),
    ...curveTable(scoresAt, threshold),
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
