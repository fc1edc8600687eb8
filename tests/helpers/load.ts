/**
 * Loading in tests
 * ================
 *
 * The import path wired as the app and the scripts wire it: curation's hooks (screening, review queue) handed to
 * `loadImportFile`, so a test loads data exactly as `npm run load` does.
 */
import type { ImportSummary } from "../../contracts/ingest.js";
import type { Database } from "../../server/db/database.js";
import { curationImportHooks } from "../../server/modules/curation/import-hooks.js";
import { type LoadOptions, loadImportFile as load } from "../../server/modules/ingest/import.service.js";

/** `loadImportFile` with curation's import hooks (the options' other fields as given). */
export function loadImportFile(
  db: Database,
  input: unknown,
  options: Omit<LoadOptions, "hooks"> = {},
): Promise<ImportSummary> {
  return load(db, input, { hooks: curationImportHooks, ...options });
}
