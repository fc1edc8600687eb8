/**
 * npm run watch -- <feed URL…>
 * ============================
 *
 * Watches RSS/Atom feeds: looks at each one now and then every interval (conditionally, with the ETag and
 * Last-Modified it last gave), and ingests the items that appeared, as `npm run ingest` would (doubtful items to the
 * review queue). One line on stderr per round; Ctrl+C stops after the round under way. `--once` looks once and
 * exits (for cron). The server watches PARLEY_FEEDS the same way.
 */
import { DEFAULT_WATCH_INTERVAL_MINUTES, parseFeedList } from "../server/modules/ingest/news/news.feed.js";
import type { WatchRound } from "../server/modules/ingest/news/news.watch.js";
import { exitWith, integerOption, parseCli } from "./cli.js";

const USAGE = `usage: npm run watch -- [options] <feed URL> [<feed URL>…]
  looks at each RSS/Atom feed now and every interval, and ingests the items that appeared since
  --interval <minutes>  time between two looks (default ${DEFAULT_WATCH_INTERVAL_MINUTES})
  --once                look once, then exit
  --accept-all          write doubtful items too, instead of sending them to the review queue`;
const { values, positionals } = parseCli({
  name: "watch",
  usage: USAGE,
  options: {
    interval: { type: "string" },
    once: { type: "boolean", default: false },
    "accept-all": { type: "boolean", default: false },
  },
  positionals: true,
});

if (positionals.length === 0) exitWith("watch", `give at least one feed URL. ${USAGE.split("\n")[0]}`);
let feeds: string[];
try {
  feeds = parseFeedList(positionals.join(" "));
} catch (error) {
  exitWith("watch", error instanceof Error ? error.message : String(error));
}
const intervalMinutes =
  values.interval === undefined
    ? DEFAULT_WATCH_INTERVAL_MINUTES
    : integerOption("watch", "interval", values.interval, 1, 24 * 60);

// Loaded once the command line is read, so that --help and a bad option answer at once.
const { loadConfig } = await import("../server/config.js");
const { connectForCli } = await import("../server/db/cli-connection.js");
const { createLogger } = await import("../server/log.js");
const { curationImportHooks } = await import("../server/modules/curation/import-hooks.js");
const { createFetcher } = await import("../server/modules/ingest/news/news.fetch.js");
const { createFeedWatcher } = await import("../server/modules/ingest/news/news.watch.js");
const config = loadConfig();
const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
const fetcher = createFetcher({ allowPrivate: config.fetch.allowPrivate, whenHostBusy: "wait" });
const connection = await connectForCli(config, log);

function describe(round: WatchRound): string {
  const { articles } = round;
  return (
    `watch: ${round.feeds} feed(s), ${round.unchanged} unchanged, ${round.failedFeeds} failed; ` +
    `${round.newItems} new item(s): ${articles.new} article(s) stored, ${articles.unchanged} already held, ` +
    `${articles.failed} failed, ${round.joinedReports} report(s) joined to a meeting already there ` +
    `(${(round.elapsedMs / 1000).toFixed(1)} s)`
  );
}

const watcher = createFeedWatcher(feeds, {
  db: connection.db,
  fetcher,
  hooks: curationImportHooks,
  log,
  intervalMs: intervalMinutes * 60_000,
  acceptAll: values["accept-all"],
  onRound: (round) => {
    process.stderr.write(
      `${describe(round)}${values.once ? "" : `; next look in ${intervalMinutes} min (Ctrl+C stops)`}\n`,
    );
  },
  onFailure: (failure) => process.stderr.write(`watch: failed: ${failure.message}\n`),
});

async function finish(code: number): Promise<never> {
  await watcher.stop();
  fetcher.close();
  await connection.close();
  process.exit(code);
}

if (values.once) {
  const round = await watcher.poll();
  await finish(round.failedFeeds > 0 || round.articles.failed > 0 ? 1 : 0);
} else {
  process.stderr.write(`watch: watching ${feeds.length} feed(s) every ${intervalMinutes} min\n`);
  watcher.start();
  process.on("SIGINT", () => void finish(0));
  process.on("SIGTERM", () => void finish(0));
}
