/**
 * npm run load -- <file.json | folder with nodes.csv and edges.csv>
 * ===================================================================
 *
 * Validates a dataset and loads it through the project's import path: everything or nothing, idempotent,
 * progress on stderr, a summary at the end. Exit code 1 with every problem listed when the file is invalid.
 */
import { readFile, stat } from "node:fs/promises";
import { loadConfig } from "../server/config.js";
import { connectForCli } from "../server/db/cli-connection.js";
import { createLogger } from "../server/log.js";
import { curationImportHooks } from "../server/modules/curation/import-hooks.js";
import { readCsvFolder } from "../server/modules/ingest/import.csv.js";
import { validateImportText } from "../server/modules/ingest/import.validate.js";
import { ImportValidationError } from "../server/errors.js";
import { loadImportFile } from "../server/modules/ingest/import.service.js";
import { exitWith, parseCli } from "./cli.js";

const USAGE =
  "usage: npm run load -- <file.json | folder with nodes.csv and edges.csv>\n  validates the dataset and loads it (everything or nothing); progress and the summary go to stderr";
const { positionals } = parseCli({ name: "load", usage: USAGE, options: {}, positionals: true });
const target = positionals[0];
if (!target || positionals.length > 1) exitWith("load", `give one file or folder. ${USAGE.split("\n")[0]}`);

const config = loadConfig();
const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
const isFolder = (await stat(target).catch(() => null))?.isDirectory() ?? false;
const parsed = isFolder
  ? await readCsvFolder(target)
  : validateImportText(await readFile(target, "utf8").catch(() => ""), target);
if (!parsed.ok) {
  console.error(`${target}: rejected, nothing was written. ${parsed.errors.length} problem(s):`);
  for (const issue of parsed.errors) console.error(`  ${issue.path}: ${issue.message}`);
  process.exit(1);
}

const connection = await connectForCli(config, log);
let lastReport = 0;
try {
  const summary = await loadImportFile(connection.db, parsed.data, {
    hooks: curationImportHooks,
    articlesDir: config.articlesDir,
    log,
    progress: (step, done, total) => {
      if (Date.now() - lastReport > 1_000 || done === total) {
        lastReport = Date.now();
        if (total >= 1_000) console.error(`  ${step}: ${done}/${total}`);
      }
    },
  });
  console.error(
    `Loaded ${target} in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.articles} articles, ${summary.nodes} nodes, ` +
      `${summary.links} links, ${summary.roles} roles, ${summary.quantities} quantities, ${summary.evidence} citations, ` +
      `${summary.metLinks} met-with links refreshed.`,
  );
} catch (error) {
  if (error instanceof ImportValidationError) {
    console.error(`${target}: rejected, nothing was written.`);
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
  } else {
    console.error(
      `${target}: the load failed and was rolled back, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.exitCode = 1;
} finally {
  await connection.close();
}
