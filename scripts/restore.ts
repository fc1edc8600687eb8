/**
 * npm run restore -- <file.json>
 * ==============================
 *
 * Loads a backup written by `npm run backup` into an EMPTY database (refused otherwise): the data through the
 * import path, then evidence status, audit log, suggestions, rejections and snapshots. Connects as the server does.
 */
import { readFile } from "node:fs/promises";
import { loadConfig } from "../server/config.js";
import { connectForCli } from "../server/db/cli-connection.js";
import { createLogger } from "../server/log.js";
import { DatabaseNotEmptyError } from "../server/errors.js";
import { restoreBackup } from "../server/modules/curation/backup.js";
import { exitWith, parseCli } from "./cli.js";

const USAGE =
  "usage: npm run restore -- <backup.json>\n  loads a backup written by npm run backup into an empty database";
const { positionals } = parseCli({ name: "restore", usage: USAGE, options: {}, positionals: true });
const source = positionals[0];
if (!source || positionals.length > 1) exitWith("restore", `give one backup file. ${USAGE.split("\n")[0]}`);

const config = loadConfig();
const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
let document: unknown;
try {
  document = JSON.parse(await readFile(source, "utf8"));
} catch (error) {
  console.error(`${source}: cannot read the backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const connection = await connectForCli(config, log);
try {
  const { summary, restored } = await restoreBackup(connection.db, document);
  const extra = Object.entries(restored)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  console.error(
    `Restored ${source} in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.articles} articles, ${summary.nodes} nodes, ` +
      `${summary.roles} roles, ${summary.quantities} quantities, ${summary.metLinks} met-with links; ${extra}.`,
  );
} catch (error) {
  const prefix = error instanceof DatabaseNotEmptyError ? "" : `${source}: the restore failed: `;
  console.error(`${prefix}${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
