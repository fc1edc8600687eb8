/**
 * npm run bench [-- --quick] [-- --json] [-- --no-browser]
 * ========================================================
 *
 * Parley's performance suite in one run (tests/bench/run-bench.ts): starts its own throwaway embedded Neo4j (never
 * the dev one), generates synthetic data, loads it through the import path, times every explorer endpoint, weighs
 * the overview payload, and drives headless Chromium for first-frame and panning figures. Every figure sits beside
 * a baseline measured in the same run on the same data, as a ratio. Prints one table (or JSON on stdout with
 * --json; progress always goes to stderr). `--quick` runs the smallest size only; `--size 100k --size 20k/100k`
 * picks sizes.
 */
import { createReport, table } from "../tests/bench/report.js";
import { parseCli, reserveStdout } from "./cli.js";

const { values: args } = parseCli({
  name: "bench",
  usage: `usage: npm run bench [-- --quick] [-- --json] [-- --no-browser] [-- --no-server] [-- --size S …]
  --quick          the smallest size only
  --json           the figures as JSON on stdout (npm run --silent bench -- --quick --json | jq); progress on stderr
  --no-browser     skip the browser part (first frame, panning)
  --no-server      skip the database part (loading, endpoints)
  --size S         only this size, repeatable: 10k, 100k, 1M (server), 5k/25k, 20k/100k, 50k/250k (browser)
  --heap SIZE      the throwaway Neo4j's heap (default 8g)
  --stage-above N  files with more rows than N load through staging`,
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "no-browser": { type: "boolean", default: false },
    "no-server": { type: "boolean", default: false },
    // A million links are published in one transaction, which needs about 2–3 KB of Neo4j heap per node.
    heap: { type: "string", default: "8g" },
    // Only these sizes (repeatable): server sizes 10k, 100k, 1M; browser sizes 5k/25k, 20k/100k, 50k/250k.
    size: { type: "string", multiple: true },
    // Files with more rows than this load through staging (default: the product's threshold).
    "stage-above": { type: "string" },
  },
});

// Loaded once the command line is read, so that --help and a bad option answer at once.
const { runBench } = await import("../tests/bench/run-bench.js");
// Builds (Vite) and libraries may print to stdout; only the table or the JSON goes there.
const emit = reserveStdout();
const report = createReport();
try {
  await runBench(
    {
      quick: args.quick,
      noServer: args["no-server"],
      noBrowser: args["no-browser"],
      heap: args.heap,
      ...(args.size ? { sizes: args.size } : {}),
      ...(args["stage-above"] ? { stageAboveRows: Number(args["stage-above"]) } : {}),
    },
    report,
  );
  const { meta, rows } = report;
  if (args.json) {
    emit(`${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  } else {
    const m = meta.machine as Record<string, unknown>;
    emit(
      `Parley benchmark (${String(meta.mode)}) — ${String(m.cores)} cores ${String(m.cpu)}, ${String(m.memoryGiB)} GiB, load ${JSON.stringify(m.loadavg)}, ` +
        `Node ${String(m.node)}, Neo4j ${String(m.neo4j)}, ${String(m.chromium)}\nWebGL renderer: ${String(meta.webglRenderer ?? "not measured")}\n` +
        `${meta.parleyRenderer ? `Parley renderer: ${String(meta.parleyRenderer)}\n` : ""}Timed part: ${JSON.stringify(meta.timings)}\n\n${table(rows)}\n`,
    );
  }
} catch (error: unknown) {
  report.progress(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
