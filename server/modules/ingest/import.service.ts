/**
 * Import service
 * ==============
 *
 * The one path by which data enters Parley: validate everything first (nothing is written when anything is
 * wrong), attach article texts found on disk, then write the file in one transaction, or, when it is too big for
 * one, through staging (import.staged.ts): either way it lands whole or not at all.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ImportFile } from "../../../contracts/import-format.js";
import type { Database } from "../../db/database.js";
import { nodeCount, refreshStatisticsWhenOutgrown } from "../../db/planner.js";
import { ImportValidationError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { validateImport } from "./import.validate.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import { settleAllCoordinates } from "../places/places.service.js";
import type { ImportHooks } from "./import.hooks.js";
import { type Progress, writeImport } from "./import.repository.js";
import { STAGE_ABOVE_ROWS, type StagedOptions, writeStagedImport } from "./import.staged.js";

export interface LoadOptions {
  /** Curation's screening and review queue (curation/import-hooks.ts), handed in by the app or the script. */
  hooks: ImportHooks;
  /** Folder of article texts; articles that name a `file` found there get their text stored. */
  articlesDir?: string | null;
  log?: Logger;
  progress?: Progress;
  /** Rows per UNWIND statement (default BATCH_SIZE, import.repository.ts; the benchmark measures several). */
  batchSize?: number;
  /** Article loads: join extracted meetings to the events they report (import.reports.ts); never staged. */
  joinReports?: boolean;
  /** Files with more rows than this go through staging (default STAGE_ABOVE_ROWS). */
  stageAboveRows?: number;
  /** Options of the staged path (chunk size, test hooks). */
  staged?: Omit<StagedOptions, "progress" | "log" | "batchSize">;
}

/** Rows an import writes: nodes, articles, links, roles, quantities and citations. */
export function importRows(file: ImportFile): number {
  let rows = file.articles.length + file.nodes.length + file.roles.length + file.quantities.length;
  for (const n of file.nodes) {
    rows += n.participants.length + n.topics.length + n.produced.length + n.parties.length + n.evidence.length;
    rows += (n.country ? 1 : 0) + (n.partOf ? 1 : 0) + (n.place ? 1 : 0);
  }
  for (const r of file.roles) rows += r.evidence.length;
  for (const q of file.quantities) rows += q.evidence.length;
  return rows;
}

/**
 * Validates and writes an import document; throws ImportValidationError when it is not valid. An import that doubles
 * the database refreshes Neo4j's planner statistics before it returns (db/planner.ts).
 */
export async function loadImportFile(db: Database, input: unknown, options: LoadOptions): Promise<ImportSummary> {
  const validation = validateImport(input);
  if (!validation.ok) throw new ImportValidationError(validation.errors);
  const file = await attachArticleTexts(validation.data, options.articlesDir ?? null, options.log);
  const rows = importRows(file);
  const nodesBefore = await nodeCount(db);
  const { hooks, progress, log, batchSize } = options;
  // Joining reports reads the graph inside the one transaction; an article load (25 articles a group) is never
  // big enough to be staged.
  const staged = rows > (options.stageAboveRows ?? STAGE_ABOVE_ROWS) && !options.joinReports;
  const summary = staged
    ? await writeStagedImport(db, file, hooks, { ...options.staged, progress, log, batchSize })
    : await writeImport(db, file, hooks, { progress, batchSize, joinReports: options.joinReports });
  // The one-transaction writer settles coordinates itself; a staged import's nodes are settled once published.
  if (staged) await settleAllCoordinates(db, hooks.storeSuggestions);
  await refreshStatisticsWhenOutgrown(db, nodesBefore, rows, {
    log: options.log,
    onRefresh: () => options.progress?.("refreshing planner statistics", 0, 1),
  });
  return summary;
}

/** Reads the texts of cited articles from disk, only when the file is the very text the offsets were made on. */
export async function attachArticleTexts(
  file: ImportFile,
  articlesDir: string | null,
  log?: Logger,
): Promise<ImportFile> {
  if (!articlesDir) return file;
  const articles = await Promise.all(
    file.articles.map(async (article) => {
      if (article.text !== undefined || !article.file) return article;
      const full = path.join(articlesDir, path.basename(article.file));
      if (!existsSync(full)) return article;
      const text = await readFile(full, "utf8");
      const sha256 = createHash("sha256").update(text).digest("hex");
      if (article.sha256 && article.sha256 !== sha256) {
        log?.warn("article text differs from the one the dataset was made on; not storing it", {
          article: article.id,
          file: full,
        });
        return article;
      }
      return { ...article, text, sha256 };
    }),
  );
  return { ...file, articles };
}
