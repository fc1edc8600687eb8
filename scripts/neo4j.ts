/**
 * npm run neo4j
 * =============
 *
 * Starts this checkout's embedded Neo4j alone, as `npm start` starts it (server/embedded-start.ts: the same folder,
 * ports and password), prints where it listens once Bolt answers, and stops it on Ctrl-C. Meanwhile the command-line
 * tools (`npm run load`, `ingest`, `backup`) use it instead of starting their own, and a server pointed at it with
 * the printed NEO4J_URI and NEO4J_PASSWORD (`npm run dev` restarts on every change) no longer restarts Neo4j too.
 */
import path from "node:path";
import { loadConfig } from "../server/config.js";
import { Database, createDriver } from "../server/db/database.js";
import { ConfigError, MissingPrerequisiteError } from "../server/errors.js";
import { startEmbedded } from "../server/embedded-start.js";
import { createLogger } from "../server/log.js";
import { parseCli } from "./cli.js";

parseCli({
  name: "neo4j",
  usage:
    "usage: npm run neo4j\n  starts this checkout's embedded Neo4j alone (as npm start does) until Ctrl-C, and prints where it listens",
  options: {},
});

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (config.neo4j) {
  console.error(
    `neo4j: NEO4J_URI is set (${config.neo4j.uri}), so Parley uses that server and starts none of its own.`,
  );
  process.exit(2);
}
const log = createLogger(config.logLevel);

let embedded;
try {
  embedded = await startEmbedded(config, log);
} catch (error) {
  if (!(error instanceof MissingPrerequisiteError)) throw error;
  console.error(`\n${error.message}`);
  process.exit(3);
}
const neo4j = embedded;
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await neo4j.stop();
  console.error("neo4j: stopped");
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

const { connection } = neo4j;
const db = new Database(createDriver(connection), undefined, log);
const ready = await db.waitUntilReady(AbortSignal.timeout(180_000));
await db.close();
if (!ready) {
  console.error("neo4j: the database did not answer within 180 s; see .parley/neo4j/logs/neo4j.log");
  await stop(1);
}
const passwordFile = path.join(config.dataDir, "neo4j", "password");
console.log(
  [
    `Neo4j ${connection.version} is listening (Ctrl-C stops it):`,
    `  Bolt           ${connection.uri}  (user neo4j, password in ${passwordFile})`,
    `  Neo4j Browser  http://127.0.0.1:${connection.httpPort}/browser/`,
    `  for a server   NEO4J_URI=${connection.uri} NEO4J_PASSWORD="$(cat ${passwordFile})" npm run dev`,
  ].join("\n"),
);
