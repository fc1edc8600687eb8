/**
 * Import hooks
 * ============
 *
 * What the import writer asks of the rest of the application inside its transactions, declared here and
 * implemented by curation (curation/import-hooks.ts): ingest never imports curation, and the app and the
 * command-line tools hand the implementation in (AppDeps `importHooks`, the scripts' wiring).
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { ImportFile, ImportSuggestion } from "../../../contracts/import-format.js";
import type { SkippedRejected } from "../../../contracts/ingest.js";

export interface ImportHooks {
  /**
   * Rewrites a validated file so that it does not bring back what curators deleted (nodes, citations) and lands
   * merged-away ids on the kept node; returns the file unchanged (same object) when nothing applies. Reads only.
   */
  screen(tx: ManagedTransaction, file: ImportFile): Promise<{ file: ImportFile; skipped: SkippedRejected }>;
  /** Stores the file's review suggestions (after its evidence, which earlier decisions may move). */
  storeSuggestions(
    tx: ManagedTransaction,
    suggestions: ImportSuggestion[],
  ): Promise<{ stored: number; decided: number }>;
}
