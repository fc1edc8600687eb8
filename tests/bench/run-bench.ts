/**
 * The benchmark suite
 * ===================
 *
 * Parley's performance suite in one run, behind `npm run bench` (scripts/bench.ts only reads its options): extraction
 * throughput; news pages per second through fetch, Readability, extraction and load (news-bench.ts, not in --quick);
 * then a throwaway embedded Neo4j (never the dev one) loaded with synthetic data of each size through
 * the import path (load-bench.ts), the server in its own process timed over HTTP (endpoint-bench.ts) and the memory
 * of both; then headless Chromium for first-frame and panning figures (browser-bench.ts). Every figure sits beside
 * a baseline measured in the same run on the same data, as a ratio.
 */
import { ROOT_DIR } from "../../server/config.js";
import { startBenchDatabase, wipe } from "./bench-database.js";
import { runBrowserBench } from "./browser-bench.js";
import { benchEndpoints } from "./endpoint-bench.js";
import { benchExplorerReading } from "./explorer-bench.js";
import { benchMapPanning } from "./map-bench.js";
import { measureExtraction, measureStartup, readArticles, sharedArticleFiles } from "./extraction-throughput.js";
import { benchLoad, warmUp } from "./load-bench.js";
import { benchNewsPages } from "./news-bench.js";
import type { BenchOptions } from "./options.js";
import { type BenchReport, machine } from "./report.js";
import { processRssBytes, startServerProcess } from "./server-process.js";
import { SERVER_SIZES } from "./sizes.js";
import { generateSynthetic } from "./synthetic.js";

/** Runs every part the options ask for, adding rows and facts (machine, mode, timings) to `report`. */
export async function runBench(options: BenchOptions, report: BenchReport): Promise<void> {
  const { progress, record, meta } = report;
  const sizes = options.sizes?.length
    ? SERVER_SIZES.filter((s) => options.sizes!.includes(s.label))
    : options.quick
      ? // 100k too: the hubs' figures only show at a size where a node has thousands of events.
        SERVER_SIZES.slice(0, 2)
      : SERVER_SIZES;
  meta.machine = machine();
  meta.mode = options.quick ? "quick" : "full";
  const timings: Record<string, number> = {};

  // Extraction throughput (no database): the articles beside the checkout, one core.
  const articleFiles = sharedArticleFiles(ROOT_DIR);
  if (articleFiles.length) {
    progress(`extracting ${articleFiles.length} articles for throughput`);
    const t = measureExtraction(readArticles(articleFiles), options.quick ? 1_000 : 3_000);
    record({
      section: "extract",
      metric: "articles/s (one core)",
      size: `${t.articles} articles`,
      value: t.articlesPerSecond,
      unit: "articles/s",
      baseline: t.sentenceSplitPerSecond,
      baselineName: "sentence split only",
      note: `target ≥ 200 articles/s; ${t.articlesPerCpuSecond.toFixed(0)} per second of CPU time`,
    });
    const startup = measureStartup(articleFiles[0]);
    record({
      section: "extract",
      metric: "first call start-up (fresh process)",
      size: "1 article",
      value: startup.importMs + startup.firstCallMs,
      unit: "ms",
      baseline: startup.secondCallMs,
      baselineName: "second call, warm",
      note: `import ${startup.importMs.toFixed(0)} ms + first call ${startup.firstCallMs.toFixed(0)} ms (rules only)`,
    });
  }

  if (!options.noServer) {
    progress("starting a throwaway embedded Neo4j (not counted)");
    const { db, neo4j } = await startBenchDatabase(options.heap, progress);
    // An interrupted run (Ctrl-C) still stops its Neo4j and removes its folder.
    const onSignal = () => {
      void neo4j.dispose().finally(() => process.exit(130));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const timedFrom = Date.now();
    try {
      progress("warming up (plans cached, not counted)");
      await warmUp(db);
      if (!options.quick && !options.sizes?.length) {
        // The whole news path on an empty graph, before the sizes (heavy: out of --quick).
        await benchNewsPages(db, 1_000, report);
        await wipe(db);
      }
      for (const [i, size] of sizes.entries()) {
        progress(`generating ${size.label}: ${size.actors} actors, ${size.events} events`);
        const file = generateSynthetic({ actors: size.actors, events: size.events, seed: 2026 });
        await benchLoad(db, size, file, !options.quick && i === 1, options, report);
        // The endpoints are measured on the server in its own process, started after the load (so its response
        // cache is empty), as `npm start` runs it; this process holds the generated dataset in its heap.
        progress("starting the server in its own process (not counted)");
        const server = await startServerProcess(neo4j.uri, {
          PARLEY_QUERY_RATE_PER_MINUTE: "100000",
          PARLEY_RATE_LIMIT_PER_MINUTE: "1000000",
        });
        try {
          await benchEndpoints(db, server.url, size, file, options, report);
          if (!options.noBrowser) {
            progress(`panning the Map tab at ${size.label}`);
            await benchMapPanning(server.url, size.label, options.quick, report);
            // Heavy rows stay out of `--quick` (issue 21: it must stay within four minutes).
            if (!options.quick) {
              progress(`reading the explorer's overview at ${size.label}`);
              await benchExplorerReading(server.url, size.label, report);
            }
          }
          record({
            section: "memory",
            metric: "server RSS",
            size: size.label,
            value: processRssBytes(server.pid) / 2 ** 20,
            unit: "MiB",
            note: "after the endpoint runs",
          });
        } finally {
          await server.stop();
        }
        record({
          section: "memory",
          metric: "Neo4j JVM RSS",
          size: size.label,
          value: processRssBytes(neo4j.neo4j.pid) / 2 ** 20,
          unit: "MiB",
          note: `heap ${options.heap}, page cache 2g`,
        });
        if (i < sizes.length - 1) await wipe(db);
      }
    } finally {
      await db.close();
      await neo4j.dispose();
    }
    timings.serverSeconds = (Date.now() - timedFrom) / 1000;
  }

  if (!options.noBrowser) {
    const timedFrom = Date.now();
    const browser = await runBrowserBench({ quick: options.quick, sizes: options.sizes, progress });
    meta.webglRenderer = browser.renderer;
    meta.parleyRenderer = browser.parleyNote;
    for (const row of browser.rows) record(row);
    timings.browserSeconds = (Date.now() - timedFrom) / 1000;
  }
  meta.timings = timings;
}
