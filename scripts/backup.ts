/**
 * npm run backup -- <file.json>
 * =============================
 *
 * Writes the whole database (data, evidence with its review status, articles with their texts, snapshots, audit
 * log, suggestions, rejections) to one file in the import format, streamed page by page; the same data always
 * gives the same bytes, and the file is the database at one point in time (read again when a write lands meanwhile).
 * Connects as the server does (NEO4J_URI, else this checkout's embedded Neo4j).
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { loadConfig } from "../server/config.js";
import { connectForCli } from "../server/db/cli-connection.js";
import { createLogger } from "../server/log.js";
import { writeConsistentBackup } from "../server/modules/curation/backup.js";
import { exitWith, parseCli } from "./cli.js";

const USAGE =
  "usage: npm run backup -- <file.json>\n  writes the whole database to <file.json> (import format); a summary goes to stderr";
const { positionals } = parseCli({ name: "backup", usage: USAGE, options: {}, positionals: true });
const target = positionals[0];
if (!target || positionals.length > 1) exitWith("backup", `give one target file. ${USAGE.split("\n")[0]}`);

const config = loadConfig();
const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
const connection = await connectForCli(config, log);
// Written beside the target and renamed at the end, so a failed backup never leaves a truncated file behind.
const partial = `${target}.partial`;
let out = createWriteStream(partial, { encoding: "utf8" });
let hash = createHash("sha256");
let bytes = 0;
try {
  // The backup is of one point in time: when a write lands while it reads, it starts the file again.
  const counts = await writeConsistentBackup(
    connection.db,
    async (attempt) => {
      if (attempt > 1) {
        out.destroy();
        out = createWriteStream(partial, { encoding: "utf8" });
        hash = createHash("sha256");
        bytes = 0;
      }
      return {
        write: async (chunk) => {
          hash.update(chunk);
          bytes += Buffer.byteLength(chunk);
          if (!out.write(chunk)) await once(out, "drain");
        },
      };
    },
    (message) => console.error(message),
  );
  out.end();
  await once(out, "finish");
  await rename(partial, target);
  const summary = Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  console.error(`Backed up to ${target} (${(bytes / 1e6).toFixed(1)} MB, sha256 ${hash.digest("hex")}): ${summary}.`);
} catch (error) {
  out.destroy();
  await rm(partial, { force: true });
  console.error(`Backup failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
