/**
 * Parley server entry
 * ===================
 *
 * config → (embedded Neo4j when no NEO4J_URI) → driver → createApp → listen, at once; the database is awaited and
 * prepared in the background. SIGINT/SIGTERM close the HTTP server, the driver and the embedded Neo4j.
 */
import type { Server } from "node:http";
import path from "node:path";
import { createApp } from "./app.js";
import { Preparation, bootstrapDatabase } from "./bootstrap.js";
import { type Config, loadConfig } from "./config.js";
import { Database, createDriver } from "./db/database.js";
import { ConfigError, MissingPrerequisiteError } from "./errors.js";
import type { EmbeddedNeo4j } from "./db/embedded/embedded-neo4j.js";
import { startEmbedded } from "./embedded-start.js";
import { type Logger, createLogger } from "./log.js";
import { curationImportHooks } from "./modules/curation/import-hooks.js";
import { createFetcher } from "./modules/ingest/news/news.fetch.js";
import { type FeedWatcher, createFeedWatcher } from "./modules/ingest/news/news.watch.js";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);

  let embedded: EmbeddedNeo4j | null = null;
  let connection: { uri: string; user: string; password: string | null; database?: string | undefined };
  if (config.neo4j) {
    connection = config.neo4j;
    log.info("using external Neo4j", { uri: config.neo4j.uri, database: config.neo4j.database ?? "(default)" });
  } else {
    try {
      embedded = await startEmbedded(config, log);
    } catch (error) {
      if (error instanceof MissingPrerequisiteError) {
        process.stderr.write(`\n${error.message}\n`);
        process.exit(3);
      }
      throw error;
    }
    connection = embedded.connection;
    log.info("Neo4j Browser (embedded database)", {
      url: `http://127.0.0.1:${embedded.connection.httpPort}/`,
      bolt: embedded.connection.uri,
      user: "neo4j",
      passwordFile: path.join(config.dataDir, "neo4j", "password"),
    });
  }

  if (config.adminTokens.length === 0) {
    log.warn(
      "no PARLEY_ADMIN_TOKEN is set: writes (import, ingest, delete) are accepted only from this machine (loopback)",
    );
  } else {
    log.info("writes need an admin token", { tokens: config.adminTokens.map((t) => t.label) });
  }
  const db = new Database(createDriver(connection), connection.database, log);
  const preparation = new Preparation();
  const deps = { config, db, log, importHooks: curationImportHooks, readiness: preparation };
  const app = createApp(deps);
  const server: Server = app.listen(config.port, config.host, () => {
    log.info(
      `Parley is listening on http://${config.host}:${server.address() && typeof server.address() === "object" ? (server.address() as { port: number }).port : config.port}/`,
    );
  });
  server.on("error", (error) => {
    log.error("the HTTP server could not start", { error, hint: `is port ${config.port} taken? set PORT=…` });
    void shutdown(1);
  });

  const aborter = new AbortController();
  const watcher = config.feeds.urls.length ? watchFeeds(config, db, log) : null;
  void bootstrapDatabase(deps, aborter.signal, preparation)
    .then((ready) => {
      if (ready) watcher?.start();
    })
    .catch((error: unknown) => {
      log.error("database bootstrap failed", { error });
    });

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info("shutting down");
    aborter.abort();
    const force = setTimeout(() => process.exit(code || 1), 9_000);
    force.unref();
    // In-flight requests may finish for a few seconds; idle keep-alive sockets are closed at once.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), 5_000);
    await closed;
    clearTimeout(grace);
    await watcher?.stop();
    await db.close().catch(() => undefined);
    await embedded?.stop();
    log.info("stopped");
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}

/** The feeds of PARLEY_FEEDS, watched once the database is ready; each round is logged. */
function watchFeeds(config: Config, db: Database, log: Logger): FeedWatcher {
  const { urls, intervalMinutes } = config.feeds;
  log.info("watching feeds", { feeds: urls, everyMinutes: intervalMinutes });
  return createFeedWatcher(urls, {
    db,
    fetcher: createFetcher({ allowPrivate: config.fetch.allowPrivate, whenHostBusy: "wait" }),
    hooks: curationImportHooks,
    log,
    intervalMs: intervalMinutes * 60_000,
    onRound: (round) => log.info("watched feeds read", { ...round }),
    onFailure: (failure) => log.warn("a watched feed or item failed", { ...failure }),
  });
}

await main();
