/**
 * Benchmark sizes
 * ===============
 *
 * The server-side sizes of `npm run bench` and the dataset each is generated as. "relationships" counts the
 * participation links of the generated file; the database holds about 2–3× as many relationships in all (evidence,
 * MET, roles), reported beside each size.
 */
import type { generateSynthetic } from "./synthetic.js";

export interface Size {
  label: string;
  actors: number;
  events: number;
  iterations: number;
  /** Import files the dataset is loaded as (each atomic); 1 = the whole dataset in one transaction. */
  files: number;
}

export const SERVER_SIZES: Size[] = [
  { label: "10k", actors: 1_500, events: 4_500, iterations: 40, files: 1 },
  { label: "100k", actors: 12_000, events: 45_000, iterations: 30, files: 1 },
  // A million links is more than one transaction should hold: the import path stages the file (many transactions,
  // published in one; see server/modules/ingest/import.staged.ts), so it still lands whole or not at all.
  { label: "1M", actors: 100_000, events: 450_000, iterations: 20, files: 1 },
];

/** A generated dataset in the import format. */
export type Dataset = ReturnType<typeof generateSynthetic>;
