/**
 * npm run loadtest
 * ================
 *
 * A bounded load test on 127.0.0.1 only: starts a throwaway embedded Neo4j with the sample dataset and the Parley
 * server in its own process, then drives a mix of graph, node, neighbours, search and console requests with
 * autocannon, and prints throughput, latency percentiles, errors and the server's memory over the run.
 *
 *   npm run loadtest                      20 s mixed run, 20 connections
 *   npm run loadtest -- --duration 300    a 5-minute soak (memory sampled every 10 s)
 *   npm run loadtest -- --json            figures as JSON on stdout
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { ROOT_DIR } from "../server/config.js";
import { Database, createDriver } from "../server/db/database.js";
import { type ThrowawayNeo4j, startThrowawayNeo4j } from "../server/db/embedded/throwaway.js";
import { createLogger } from "../server/log.js";
import { curationImportHooks } from "../server/modules/curation/import-hooks.js";
import { loadImportFile } from "../server/modules/ingest/import.service.js";
import { type ServerProcess, processRssBytes, startServerProcess } from "../tests/bench/server-process.js";
import { integerOption, parseCli, reserveStdout } from "./cli.js";

const { values } = parseCli({
  name: "loadtest",
  usage: `usage: npm run loadtest [-- --duration S] [-- --connections N] [-- --json]
  --duration S      seconds of load, 1 to 900 (default 20; 300 for a soak)
  --connections N   concurrent connections, 1 to 200 (default 20)
  --json            the figures as JSON on stdout (npm run --silent loadtest -- --json); progress on stderr`,
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "20" },
    json: { type: "boolean", default: false },
  },
});
const duration = integerOption("loadtest", "duration", values.duration, 1, 900);
const connections = integerOption("loadtest", "connections", values.connections, 1, 200);
const asJson = values.json;
// Only the figures go to stdout.
const emit = reserveStdout();
const progress = (line: string) => process.stderr.write(`${line}\n`);

const rssMb = (pid: number) => Math.round(processRssBytes(pid) / 2 ** 20);

let neo4j: ThrowawayNeo4j | null = null;
let server: ServerProcess | null = null;
try {
  progress("Starting a throwaway Neo4j…");
  neo4j = await startThrowawayNeo4j({ purpose: "loadtest", transactionTimeout: "60s", log: progress });
  const db = new Database(createDriver(neo4j.neo4j.connection), undefined, createLogger("warn"));
  await loadImportFile(db, JSON.parse(readFileSync(path.join(ROOT_DIR, "data", "seed.json"), "utf8")), {
    hooks: curationImportHooks,
  });
  await db.close();

  // The load test is one client hammering the server; per-client limits are lifted for it explicitly.
  server = await startServerProcess(neo4j.uri, {
    PARLEY_QUERY_RATE_PER_MINUTE: "100000",
    PARLEY_RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const { url, pid } = server;

  const requests: autocannon.Request[] = [
    { method: "GET", path: "/api/graph" },
    { method: "GET", path: "/api/nodes/hassan-rouhani" },
    { method: "GET", path: "/api/nodes/nechirvan-barzani/neighbors?limit=20" },
    { method: "GET", path: "/api/search?q=barz" },
    { method: "GET", path: "/api/search?q=amir" },
    {
      method: "POST",
      path: "/api/query",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event) RETURN p.name AS name, count(e) AS events ORDER BY events DESC LIMIT 10",
      }),
    },
  ];
  progress("Warming up (3 s)…");
  await autocannon({ url, connections: 4, duration: 3, requests });

  const samples: { t: number; rssMb: number }[] = [{ t: 0, rssMb: rssMb(pid) }];
  const started = Date.now();
  const sampler = setInterval(
    () => samples.push({ t: Math.round((Date.now() - started) / 1000), rssMb: rssMb(pid) }),
    10_000,
  );
  progress(`Running ${duration} s with ${connections} connections against ${url} (mixed reads and console queries)…`);
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, requests }, (error, res) =>
      error ? reject(error) : resolve(res),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0) * 10) / 10;
  samples.push({ t: duration, rssMb: rssMb(pid) });

  const errors = result.errors + result.timeouts + result.non2xx;
  const figures = {
    durationSeconds: duration,
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: pct(100) },
    errors,
    non2xx: result.non2xx,
    serverRssMb: {
      start: samples[0]!.rssMb,
      end: samples.at(-1)!.rssMb,
      max: Math.max(...samples.map((s) => s.rssMb)),
    },
    samples,
  };
  if (asJson) {
    emit(`${JSON.stringify(figures)}\n`);
  } else {
    const rows: [string, string][] = [
      ["duration", `${duration} s, ${connections} connections`],
      ["requests", String(figures.requests)],
      ["throughput", `${figures.requestsPerSecond} req/s (target ≥ 500)`],
      ["latency p50", `${figures.latencyMs.p50} ms`],
      ["latency p95", `${figures.latencyMs.p95} ms (target < 100)`],
      ["latency p99", `${figures.latencyMs.p99} ms`],
      ["errors", `${figures.errors} (non-2xx ${figures.non2xx})`],
      [
        "server RSS",
        `${figures.serverRssMb.start} MB → ${figures.serverRssMb.end} MB (max ${figures.serverRssMb.max})`,
      ],
      // A leak grows steadily; a warm-up settles. Every minute's sample shows which.
      [
        "RSS per minute",
        [...new Map(samples.filter((x) => x.t % 60 === 0 || x === samples.at(-1)).map((x) => [x.t, x.rssMb])).entries()]
          .map(([t, mb]) => `${t}s ${mb}`)
          .join(", "),
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    emit(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}\n`);
  }
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  await server?.stop();
  await neo4j?.dispose();
}
