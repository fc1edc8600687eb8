/**
 * Embedded Neo4j for this checkout
 * ================================
 *
 * The one place that decides where `npm start` and the command-line tools keep the embedded database.
 */
import path from "node:path";
import type { Config } from "./config.js";
import { EmbeddedNeo4j } from "./db/embedded/embedded-neo4j.js";
import { NEO4J_VERSION } from "./db/embedded/prerequisites.js";
import type { Logger } from "./log.js";

/** Starts the embedded database for this checkout (auth on, generated password kept in .parley/neo4j/password). */
export async function startEmbedded(config: Config, log: Logger): Promise<EmbeddedNeo4j> {
  const homeDir = path.join(config.dataDir, "neo4j");
  return EmbeddedNeo4j.start({
    homeDir,
    jarCacheDir: path.join(config.dataDir, "jars", NEO4J_VERSION),
    pidFile: path.join(config.dataDir, "neo4j.pid"),
    boltPort: config.embedded.boltPort,
    httpPort: config.embedded.httpPort,
    auth: true,
    heap: config.embedded.heap,
    pageCache: config.embedded.pageCache,
    transactionTimeout: config.embedded.transactionTimeout,
    log: (line) => log.info(line),
  });
}
