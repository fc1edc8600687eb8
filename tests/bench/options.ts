/**
 * Benchmark options
 * =================
 *
 * What one `npm run bench` run measures, as scripts/bench.ts reads it from the command line.
 */

export interface BenchOptions {
  /** The two smaller server sizes (10k, 100k) and the smallest browser size, fewer samples: within four minutes. */
  quick: boolean;
  /** Skip the server side (load, endpoints, memory). */
  noServer: boolean;
  /** Skip the browser side (first frame, panning). */
  noBrowser: boolean;
  /** The throwaway Neo4j's heap: a million links are published in one transaction, about 2–3 KB of heap per node. */
  heap: string;
  /** Only these sizes (server sizes 10k, 100k, 1M; browser sizes 5k/25k, 20k/100k, 50k/250k); all when absent. */
  sizes?: string[];
  /** Files with more rows than this load through staging (default: the product's threshold). */
  stageAboveRows?: number;
}
