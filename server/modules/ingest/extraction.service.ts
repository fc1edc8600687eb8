/**
 * Extraction service: articles → import document, with what the graph knows
 * =========================================================================
 *
 * The one path from article texts to an import document for the dialog, `POST /api/articles` and
 * `npm run ingest`: texts the graph already holds keep their article ids, and lone surnames that several persons in
 * the graph share become review questions.
 */
import type { Database } from "../../db/database.js";
import type { ArticleInput } from "../../../extractor/types.js";
import { articlesToImport, inputHashes } from "./extraction.import.js";
import { articleIdsBySha256 } from "./extraction.repository.js";
import { addSurnameQuestions } from "./extraction.surnames.js";

/** Extracts the articles into an import document that fits the graph as it is (no write). */
export async function articlesToImportFor(
  db: Database,
  inputs: ArticleInput[],
  options: { acceptAll?: boolean } = {},
): Promise<ReturnType<typeof articlesToImport>> {
  const knownIds = await articleIdsBySha256(db, inputHashes(inputs));
  const imported = articlesToImport(inputs, { ...options, knownIds });
  await addSurnameQuestions(db, imported);
  return imported;
}
