/**
 * Command-line database connection
 * ================================
 *
 * Connects command-line tools (load, ingest, backup) the way the server does: NEO4J_URI when set; else this
 * checkout's running embedded Neo4j (found through `.parley/neo4j.pid` and its conf); else an embedded Neo4j
 * started for the duration of the command. A server still preparing the database is waited for.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { Database, createDriver } from "./database.js";
import { waitForServerReady } from "./state.js";
import type { EmbeddedNeo4j } from "./embedded/embedded-neo4j.js";

export interface CliConnection {
  db: Database;
  /** Closes the driver, and stops the embedded Neo4j if this command started it. */
  close(): Promise<void>;
}

function runningEmbedded(config: Config): { uri: string; password: string | null } | null {
  const pidFile = path.join(config.dataDir, "neo4j.pid");
  const conf = path.join(config.dataDir, "neo4j", "conf", "neo4j.conf");
  if (!existsSync(pidFile) || !existsSync(conf)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const port = /server\.bolt\.listen_address=127\.0\.0\.1:(\d+)/.exec(readFileSync(conf, "utf8"))?.[1];
  const passwordFile = path.join(config.dataDir, "neo4j", "password");
  if (!port) return null;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    password: existsSync(passwordFile) ? readFileSync(passwordFile, "utf8").trim() : null,
  };
}

/** Opens a Database for a command-line tool and waits until it answers. */
export async function connectForCli(config: Config, log: Logger): Promise<CliConnection> {
  let embedded: EmbeddedNeo4j | null = null;
  let db: Database;
  if (config.neo4j) {
    db = new Database(createDriver(config.neo4j), config.neo4j.database, log);
  } else {
    const running = runningEmbedded(config);
    if (running) {
      log.info("using this checkout's running embedded Neo4j", { uri: running.uri });
      db = new Database(createDriver({ uri: running.uri, user: "neo4j", password: running.password }), undefined, log);
    } else {
      log.info("no Parley database is running: starting the embedded Neo4j for this command");
      const { startEmbedded } = await import("../embedded-start.js");
      embedded = await startEmbedded(config, log);
      db = new Database(createDriver(embedded.connection), undefined, log);
    }
  }
  if (!(await db.waitUntilReady(AbortSignal.timeout(180_000)))) {
    await db.close();
    await embedded?.stop();
    throw new Error("The database did not answer within 180 s.");
  }
  // A server that is still preparing the database (schema, sample data) is waited for; one this command started
  // has no server to wait for.
  if (!embedded) {
    try {
      await waitForServerReady(db, (message) => process.stderr.write(`${message}\n`));
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return {
    db,
    close: async () => {
      await db.close();
      await embedded?.stop();
    },
  };
}
