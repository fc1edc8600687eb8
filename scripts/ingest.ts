/**
 * npm run ingest -- <source…>
 * ===========================
 *
 * Reads news, extracts who met whom (with evidence spans), and loads the result through the import path. A source is
 * a text file, an HTML file, a folder (recursively: .txt, .html, .htm), the http(s) URL of an article page, or an
 * RSS/Atom feed (URL or file) whose every item is fetched. Each article is validated and written in its own
 * transaction and is idempotent (ingesting an article twice changes nothing), so a batch stopped half-way and run
 * again finishes the rest without duplicates. A source that fails is reported and the rest goes on; a progress line
 * on stderr says where the batch stands, and a summary ends it. `--dry-run` prints the import document instead of
 * writing it. Items the extractor is unsure of go to the review queue unless `--accept-all`.
 */
import type { BatchProgress } from "../server/modules/ingest/news/news.batch.js";
import { DEFAULT_MAX_FEED_ITEMS } from "../server/modules/ingest/news/news.feed.js";
import { DEFAULT_FETCHER_OPTIONS, createFetcher } from "../server/modules/ingest/news/news.fetch.js";
import { exitWith, integerOption, parseCli, reserveStdout } from "./cli.js";

const USAGE = `usage: npm run ingest -- [options] <source> [<source>…]
  a source is a .txt or .html file, a folder (recursively: .txt .html .htm), an http(s) URL of an article page,
  or an RSS/Atom feed (URL or .xml/.rss/.atom file) whose every item is fetched
  --dry-run                  print the import document (JSON) on stdout instead of writing it (npm run --silent ingest …)
  --accept-all               write doubtful items too, instead of sending them to the review queue
  --max-feed-items <n>       items read from each feed (default ${DEFAULT_MAX_FEED_ITEMS})
  --per-host-per-minute <n>  requests to one site a minute (default ${DEFAULT_FETCHER_OPTIONS.perHostPerMinute})
  --timeout <seconds>        deadline of one fetch (default ${DEFAULT_FETCHER_OPTIONS.timeoutMs / 1000})`;
const { values, positionals: sources } = parseCli({
  name: "ingest",
  usage: USAGE,
  options: {
    "dry-run": { type: "boolean", default: false },
    "accept-all": { type: "boolean", default: false },
    "max-feed-items": { type: "string" },
    "per-host-per-minute": { type: "string" },
    timeout: { type: "string" },
  },
  positionals: true,
});
if (sources.length === 0) exitWith("ingest", `give at least one source. ${USAGE.split("\n")[0]}`);
const dryRun = values["dry-run"];
const maxFeedItems =
  values["max-feed-items"] === undefined
    ? undefined
    : integerOption("ingest", "max-feed-items", values["max-feed-items"], 1, 10_000);
const perHost =
  values["per-host-per-minute"] === undefined
    ? DEFAULT_FETCHER_OPTIONS.perHostPerMinute
    : integerOption("ingest", "per-host-per-minute", values["per-host-per-minute"], 1, 1_000_000);
const timeoutMs =
  values.timeout === undefined
    ? DEFAULT_FETCHER_OPTIONS.timeoutMs
    : integerOption("ingest", "timeout", values.timeout, 1, 600) * 1000;

// Loaded once the command line is read, so that --help and a bad option answer at once.
const { loadConfig } = await import("../server/config.js");
const { connectForCli } = await import("../server/db/cli-connection.js");
const { createLogger } = await import("../server/log.js");
const { curationImportHooks } = await import("../server/modules/curation/import-hooks.js");
const { validateImport } = await import("../server/modules/ingest/import.validate.js");
const { ingestSources } = await import("../server/modules/ingest/news/news.batch.js");
// The dry run's document is the only thing on stdout.
const writeStdout = reserveStdout();
const config = loadConfig();
const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
const fetcher = createFetcher({
  allowPrivate: config.fetch.allowPrivate,
  perHostPerMinute: perHost,
  timeoutMs,
  whenHostBusy: "wait",
});
// Texts and URLs the graph already holds are skipped, and shared lone surnames become review questions: both need
// the database, which a dry run does without.
const connection = dryRun ? null : await connectForCli(config, log);

/* Progress: one line rewritten in place on a terminal, else a line a second (and the last one). */
const terminal = process.stderr.isTTY === true;
let lastLine = 0;
let progressShown = false;
function showProgress(p: BatchProgress, final = false): void {
  const now = Date.now();
  if (!terminal && !final && now - lastLine < 1_000) return;
  lastLine = now;
  const rate = p.elapsedMs > 0 ? ((p.done - p.failed) * 1000) / p.elapsedMs : 0;
  const line = `ingest: ${p.done}/${p.total} articles, ${rate.toFixed(1)} articles/s, ${p.failed} failed`;
  if (terminal) {
    process.stderr.write(`\r\x1b[K${line}${final ? "\n" : ""}`);
    progressShown = !final;
  } else process.stderr.write(`${line}\n`);
}
let latest: BatchProgress | null = null;

try {
  const summary = await ingestSources(sources, {
    db: connection?.db ?? null,
    fetcher,
    hooks: curationImportHooks,
    log,
    acceptAll: values["accept-all"],
    maxFeedItems,
    onProgress: (p) => {
      latest = p;
      showProgress(p);
    },
    onFailure: (f) => {
      if (progressShown) process.stderr.write("\r\x1b[K");
      process.stderr.write(`ingest: failed: ${f.message}\n`);
    },
  });
  if (latest) showProgress(latest, true);
  const { articles } = summary;
  const read = articles.new + articles.unchanged;
  const rate = summary.elapsedMs > 0 ? (read * 1000) / summary.elapsedMs : 0;
  process.stderr.write(
    `ingest: ${articles.new} new, ${articles.unchanged} unchanged, ${articles.failed} failed article(s); ` +
      `${summary.actors} actors and ${summary.events} events ${dryRun ? "found" : "in the new articles"}` +
      (dryRun ? "; " : `, ${summary.joinedReports} report(s) joined to a meeting already there; `) +
      `${(summary.elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(1)} articles/s).\n`,
  );
  if (summary.document) {
    const validation = validateImport(summary.document);
    if (!validation.ok) {
      process.stderr.write("ingest: the extraction did not validate:\n");
      for (const issue of validation.errors) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
      process.exitCode = 1;
    } else writeStdout(`${JSON.stringify(summary.document, null, 2)}\n`);
  }
  if (articles.failed > 0) {
    process.stderr.write(
      `ingest: ${articles.failed} source(s) failed (listed above); the others were ${dryRun ? "read" : "ingested"}.\n`,
    );
    process.exitCode = 1;
  }
} finally {
  fetcher.close();
  await connection?.close();
}
