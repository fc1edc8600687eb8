/**
 * npm run ingest -- <article files…>
 * ==================================
 *
 * Reads news articles, extracts who met whom (with evidence spans), and loads the result through the import path:
 * validated, one transaction, idempotent (ingesting an article twice changes nothing). The article texts are stored
 * so cited passages can be shown. `--dry-run` prints the import document instead of writing it. Items the extractor
 * is unsure of (below its confidence threshold) go to the review queue instead of the graph unless `--accept-all`;
 * a long text that is clearly not English is refused with a message, and nothing is written.
 */
import { readFile } from "node:fs/promises";
import { loadConfig } from "../server/config.js";
import { connectForCli } from "../server/db/cli-connection.js";
import { createLogger } from "../server/log.js";
import { curationImportHooks } from "../server/modules/curation/import-hooks.js";
import { ArticleInputError, articlesToImport, decodeArticle } from "../server/modules/ingest/extraction.import.js";
import { articlesToImportFor } from "../server/modules/ingest/extraction.service.js";
import { loadImportFile } from "../server/modules/ingest/import.service.js";
import { validateImport } from "../server/modules/ingest/import.validate.js";
import { exitWith, parseCli } from "./cli.js";

const USAGE = `usage: npm run ingest -- [--dry-run] [--accept-all] <article.txt> [<article.txt>…]
  --dry-run     print the import document (JSON) on stdout instead of writing it (npm run --silent ingest …)
  --accept-all  write doubtful items too, instead of sending them to the review queue`;
const { values, positionals: files } = parseCli({
  name: "ingest",
  usage: USAGE,
  options: { "dry-run": { type: "boolean", default: false }, "accept-all": { type: "boolean", default: false } },
  positionals: true,
});
const dryRun = values["dry-run"];
const acceptAll = values["accept-all"];
if (files.length === 0) exitWith("ingest", `give at least one article file. ${USAGE.split("\n")[0]}`);

let inputs;
try {
  inputs = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file).catch(() => {
        throw new ArticleInputError(file, "cannot be read (does the file exist?)");
      });
      return decodeArticle(file, bytes);
    }),
  );
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nNothing was written.`);
  process.exit(1);
}

const config = dryRun ? null : loadConfig();
const log = config ? createLogger(config.logLevel === "info" ? "warn" : config.logLevel) : null;
// Texts the graph already holds keep their article ids, and shared lone surnames become review questions: both
// need the database, which a dry run does without.
const connection = config && log ? await connectForCli(config, log) : null;
try {
  const started = Date.now();
  const imported = connection
    ? await articlesToImportFor(connection.db, inputs, { acceptAll })
    : articlesToImport(inputs, { acceptAll });
  const { extraction, document, doubtful } = imported;
  console.error(
    `Extracted ${extraction.actors.length} actors, ${extraction.events.length} meetings and ${extraction.otherEvents.length} other events ` +
      `from ${inputs.length} article(s) in ${Date.now() - started} ms.`,
  );
  if (doubtful.length) {
    console.error(
      `${doubtful.length} doubtful item(s) below the confidence threshold go to the review queue (/review), not the graph ` +
        `(--accept-all writes them): ${doubtful.map((d) => d.label).join("; ")}`,
    );
  }
  const validation = validateImport(document);
  if (!validation.ok) {
    console.error("The extraction did not validate; nothing was written:");
    for (const issue of validation.errors) console.error(`  ${issue.path}: ${issue.message}`);
    process.exit(1);
  }
  if (!connection) {
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    process.exit(0);
  }
  const summary = await loadImportFile(connection.db, validation.data, { hooks: curationImportHooks });
  console.error(
    `Ingested ${summary.articles} article(s): ${summary.nodes} nodes, ${summary.links} links, ${summary.evidence} citations, ` +
      `${summary.metLinks} met-with links refreshed, in ${(summary.elapsedMs / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(
    `The ingest failed and was rolled back, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await connection?.close();
}
