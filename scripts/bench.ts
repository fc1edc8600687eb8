/**
 * npm run bench [-- --quick] [-- --json] [-- --no-browser]
 * ========================================================
 *
 * Parley's performance suite in one run: starts its own throwaway embedded Neo4j (never the dev one), generates
 * synthetic data, loads it through the import path, times every explorer endpoint, weighs the overview payload,
 * and drives headless Chromium for first-frame and panning figures. Every figure sits beside a baseline measured
 * in the same run on the same data, as a ratio. Prints one table (or JSON on stdout with --json; progress always
 * goes to stderr). `--quick` runs the smallest size only; `--size 100k --size 20k/100k` picks sizes.
 */
import { execFileSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { ROOT_DIR } from "../server/config.js";
import { Database, createDriver } from "../server/db/database.js";
import { NEO4J_VERSION } from "../server/db/embedded/prerequisites.js";
import { nodeCount } from "../server/db/planner.js";
import { type ThrowawayNeo4j, startThrowawayNeo4j } from "../server/db/embedded/throwaway.js";
import { createLogger } from "../server/log.js";
import { validateImport } from "../server/modules/ingest/import-validate.js";
import { BATCH_SIZE, setBatchSize } from "../server/modules/ingest/import.repository.js";
import { measureExtraction, measureStartup, readArticles, sharedArticleFiles } from "../extractor/eval/throughput.js";
import { loadImportFile } from "../server/modules/ingest/import.service.js";
import { generateSynthetic, mulberry32, participationDegrees } from "../server/modules/ingest/synthetic.js";
import { ceilingRelationshipsPerSecond, measureBareWrites } from "../tests/bench/bare-writes.js";
import { runBrowserBench } from "../tests/bench/browser-bench.js";
import { processRssBytes, startServerProcess } from "./server-process.js";

const { values: args } = parseArgs({
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

/* ----------------------------------------------------------------------------------------------------------------
 * Results
 * -------------------------------------------------------------------------------------------------------------- */

/** One line of the table: a figure, and the baseline it is compared with (ratio = value / baseline). */
export interface BenchRow {
  section: string;
  metric: string;
  size: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  ratio?: number;
  note?: string;
}

const rows: BenchRow[] = [];
const meta: Record<string, unknown> = {};
const startedAt = Date.now();

function progress(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function record(row: BenchRow): void {
  if (row.baseline !== undefined && row.ratio === undefined && row.baseline !== 0) row.ratio = row.value / row.baseline;
  rows.push(row);
  progress(
    `${row.section} ${row.metric} @${row.size}: ${fmt(row.value)} ${row.unit}${row.baseline !== undefined ? ` (vs ${row.baselineName} ${fmt(row.baseline)}, ×${fmt(row.ratio ?? NaN)})` : ""}`,
  );
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Database
 * -------------------------------------------------------------------------------------------------------------- */

/** The bench's own throwaway Neo4j (never the development one), with the schema applied. */
async function startDatabase(): Promise<{ db: Database; neo4j: ThrowawayNeo4j }> {
  const neo4j = await startThrowawayNeo4j({
    purpose: "bench",
    heap: args.heap!,
    pageCache: "2g",
    transactionTimeout: "30m",
    log: (line) => progress(`[neo4j] ${line}`),
  });
  return {
    db: new Database(createDriver({ uri: neo4j.uri, user: "neo4j", password: null }), undefined, createLogger("warn")),
    neo4j,
  };
}

/** Empties the database in chunks, so a million relationships never sit in one transaction. */
async function wipe(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

async function countRelationships(db: Database): Promise<number> {
  const [n] = await db.read("MATCH ()-[r]->() RETURN count(r) AS n", {}, (r) => Number(r.get("n")));
  return n ?? 0;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Sizes: "relationships" counts the participation links of the generated file; the database holds about 2–3×
 * as many relationships in all (evidence, MET, roles), reported beside each size.
 * -------------------------------------------------------------------------------------------------------------- */

interface Size {
  label: string;
  actors: number;
  events: number;
  iterations: number;
  /** Import files the dataset is loaded as (each atomic); 1 = the whole dataset in one transaction. */
  files: number;
}

const SIZES: Size[] = [
  { label: "10k", actors: 1_500, events: 4_500, iterations: 40, files: 1 },
  { label: "100k", actors: 12_000, events: 45_000, iterations: 30, files: 1 },
  // A million links is more than one transaction should hold: the import path stages the file (many transactions,
  // published in one; see server/modules/ingest/staged-import.ts), so it still lands whole or not at all.
  { label: "1M", actors: 100_000, events: 450_000, iterations: 20, files: 1 },
];

/* ----------------------------------------------------------------------------------------------------------------
 * Load: the import path vs per-row MERGE on the same rows
 * -------------------------------------------------------------------------------------------------------------- */

type Dataset = ReturnType<typeof generateSynthetic>;

/** Per-row baseline: one MERGE statement per node and per participation link, in one transaction. */
async function perRowLoad(db: Database, file: Dataset, maxRows: number): Promise<{ rows: number; ms: number }> {
  const events = file.nodes.filter((n) => n.type === "event");
  const actors = file.nodes.filter((n) => n.type !== "event");
  const started = performance.now();
  let rows = 0;
  await db.writeTx(async (tx) => {
    for (const n of actors) {
      if (rows >= maxRows / 2) break;
      await tx.run(
        "MERGE (n:Entity {id: $id}) SET n.type = $type, n.kind = $kind, n.name = $name, n.x = $x, n.y = $y",
        {
          id: n.id,
          type: n.type,
          kind: n.kind ?? n.type,
          name: n.name,
          x: n.x ?? null,
          y: n.y ?? null,
        },
      );
      rows++;
    }
    const present = new Set(actors.slice(0, rows).map((n) => n.id));
    for (const e of events) {
      if (rows >= maxRows) break;
      await tx.run(
        "MERGE (n:Entity {id: $id}) SET n:Event, n.type = 'event', n.kind = $kind, n.name = $name, n.date = $date",
        {
          id: e.id,
          kind: e.kind,
          name: e.name,
          date: e.date ?? null,
        },
      );
      rows++;
      for (const p of e.participants ?? []) {
        if (!present.has(p.actor)) continue;
        await tx.run(
          "MATCH (a:Entity {id: $a}) MATCH (e:Entity {id: $e}) MERGE (a)-[r:PARTICIPATED_IN]->(e) SET r.role = $role",
          {
            a: p.actor,
            e: e.id,
            role: p.role ?? "participant",
          },
        );
        rows++;
      }
    }
  });
  return { rows, ms: performance.now() - started };
}

/**
 * Splits a dataset into `n` valid import files: the first holds every non-event node and the roles, the others
 * their share of events and agreements plus what those reference (actors, places, topics and their parents).
 */
function splitDataset(file: Dataset, n: number): Dataset[] {
  if (n <= 1) return [file];
  const byId = new Map(file.nodes.map((node) => [node.id, node]));
  const events = file.nodes.filter((node) => node.type === "event");
  const base = file.nodes.filter((node) => node.type !== "event" && node.type !== "agreement");
  const parts: Dataset[] = [];
  const per = Math.ceil(events.length / n);
  for (let i = 0; i < n; i++) {
    const slice = events.slice(i * per, (i + 1) * per);
    const ids = new Set<string>();
    const need = (id: string | undefined) => {
      // Parents (country, partOf) are needed too, or the validator rightly rejects the reference.
      for (let cur = id; cur && !ids.has(cur);) {
        ids.add(cur);
        const node = byId.get(cur);
        if (node?.partOf) need(node.partOf);
        cur = node?.country;
      }
    };
    for (const e of slice) {
      for (const p of e.participants ?? []) need(p.actor);
      for (const t of e.topics ?? []) need(t);
      need(e.place);
      for (const a of e.produced ?? []) {
        need(a);
        for (const p of byId.get(a)?.parties ?? []) need(p);
        for (const t of byId.get(a)?.topics ?? []) need(t);
      }
    }
    const nodes =
      i === 0
        ? [...base, ...file.nodes.filter((node) => ids.has(node.id) && node.type === "agreement"), ...slice]
        : [...file.nodes.filter((node) => ids.has(node.id) && node.type !== "event"), ...slice];
    parts.push({ ...file, nodes, roles: i === 0 ? file.roles : [] });
  }
  return parts;
}

function rowsOf(file: Dataset): number {
  let rows = file.nodes.length + (file.roles?.length ?? 0);
  for (const n of file.nodes)
    rows +=
      (n.participants?.length ?? 0) +
      (n.topics?.length ?? 0) +
      (n.parties?.length ?? 0) +
      (n.place ? 1 : 0) +
      (n.country ? 1 : 0) +
      (n.partOf ? 1 : 0);
  return rows;
}

/** Loads through the import path, timing each of its steps (from its progress callbacks) to find the slow ones. */
async function timedLoad(
  db: Database,
  files: Dataset[],
  parallelism?: number,
): Promise<{ ms: number; rels: number; nodes: number; steps: Record<string, number> }> {
  const before = await countRelationships(db);
  const nodesBefore = await nodeCount(db);
  const started = performance.now();
  const steps: Record<string, number> = {};
  for (const [i, file] of files.entries()) {
    let last = performance.now();
    const fileStarted = last;
    await loadImportFile(db, file, {
      ...(args["stage-above"] ? { stageAboveRows: Number(args["stage-above"]) } : {}),
      ...(parallelism ? { staged: { parallelism } } : {}),
      progress: (step) => {
        const now = performance.now();
        steps[step] = Math.round((steps[step] ?? 0) + now - last);
        last = now;
      },
    });
    // Whatever follows the last reported step (the planner statistics refresh, or the commit) has no report of its own.
    steps["after the last report"] = Math.round((steps["after the last report"] ?? 0) + performance.now() - last);
    if (files.length > 1)
      progress(`  file ${i + 1}/${files.length} loaded in ${((performance.now() - fileStarted) / 1000).toFixed(1)} s`);
  }
  const ms = performance.now() - started;
  return { ms, rels: (await countRelationships(db)) - before, nodes: (await nodeCount(db)) - nodesBefore, steps };
}

/** Loads a small dataset once and wipes it, so that query planning is not billed to the first measured load. */
async function warmUp(db: Database): Promise<void> {
  await loadImportFile(db, generateSynthetic({ actors: 200, events: 400, seed: 99 }));
  await wipe(db);
}

async function benchLoad(db: Database, size: Size, file: Dataset, sweep: boolean): Promise<void> {
  const validateStarted = performance.now();
  const validation = validateImport(file);
  if (!validation.ok)
    throw new Error(`bench: generated file invalid: ${JSON.stringify(validation.errors.slice(0, 3))}`);
  record({
    section: "load",
    metric: "validate",
    size: size.label,
    value: performance.now() - validateStarted,
    unit: "ms",
  });

  progress(`per-row MERGE baseline at ${size.label}`);
  const perRow = await perRowLoad(db, file, args.quick ? 2_000 : 5_000);
  const perRowRate = perRow.rows / (perRow.ms / 1000);
  await wipe(db);

  // The machine's ceiling: the simplest nodes and links, written in the staging path's transactions.
  const bareNodes = args.quick ? 10_000 : 100_000;
  progress(`bare-write ceiling: ${bareNodes} nodes, ${3 * bareNodes} relationships`);
  const bare = await measureBareWrites(db, bareNodes, 3 * bareNodes);
  const bareNote = `${bareNodes} nodes with only an indexed id, ${3 * bareNodes} links without properties`;
  record({
    section: "load",
    metric: "bare writes, nodes/s",
    size: size.label,
    value: bare.nodesPerSecond,
    unit: "nodes/s",
    note: bareNote,
  });
  record({
    section: "load",
    metric: "bare writes, relationships/s",
    size: size.label,
    value: bare.relationshipsPerSecond,
    unit: "rels/s",
    note: bareNote,
  });

  const files = splitDataset(file, size.files);
  const rowCount = files.reduce((sum, f) => sum + rowsOf(f), 0);
  // Batch sizes and staging parallelism are measured on the middle size (the first size that is staged); the
  // defaults go last so that their data stays for the reads.
  const runs: { batch: number; parallelism?: number }[] = sweep
    ? [{ batch: 1_000 }, { batch: 10_000 }, { batch: BATCH_SIZE, parallelism: 1 }, { batch: BATCH_SIZE }]
    : [{ batch: BATCH_SIZE }];
  for (const [i, { batch, parallelism }] of runs.entries()) {
    const isDefault = i === runs.length - 1;
    const label = parallelism
      ? `batch ${batch}, ${parallelism} staging transaction${parallelism > 1 ? "s" : ""} at a time`
      : `batch ${batch}`;
    progress(
      `loading ${size.label} through the import path (${files.length} file${files.length > 1 ? "s" : ""}), ${label}`,
    );
    const previous = setBatchSize(batch);
    try {
      const { ms, rels, nodes, steps } = await timedLoad(db, files, parallelism);
      progress(`load steps (ms): ${JSON.stringify(steps)}`);
      meta[`loadSteps@${size.label}@${label}`] = steps;
      record({
        section: "load",
        metric: `rows/s (${label})`,
        size: size.label,
        value: rowCount / (ms / 1000),
        unit: "rows/s",
        baseline: perRowRate,
        baselineName: "per-row MERGE",
        note: `${rowCount} rows`,
      });
      if (isDefault) {
        // The baseline is the fastest this machine could write as many bare nodes and links (target: 50,000/s).
        record({
          section: "load",
          metric: "relationships/s (import path)",
          size: size.label,
          value: rels / (ms / 1000),
          unit: "rels/s",
          baseline: ceilingRelationshipsPerSecond(bare, nodes, rels),
          baselineName: "bare-write ceiling",
          note: `${rels} relationships and ${nodes} nodes in ${(ms / 1000).toFixed(1)} s, ${files.length} file(s)`,
        });
        meta[`relationships@${size.label}`] = await countRelationships(db);
      }
    } finally {
      setBatchSize(previous);
    }
    if (!isDefault) await wipe(db);
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Endpoints over HTTP, the way the explorer calls them
 * -------------------------------------------------------------------------------------------------------------- */

async function timeGet(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/** Bytes on the wire with gzip (fetch would decompress silently). */
function gzipBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (chunk: Buffer) => (n += chunk.length));
        res.on("end", () => resolve(n));
      })
      .on("error", reject);
  });
}

/**
 * Untimed requests to an endpoint before measuring it: the JITs of Neo4j and of the server compile their read paths
 * over the first few hundred requests (node details in one process at 10k, 90 requests a round: median 18, 12, 9,
 * 7 ms over the first four rounds), and the figures are meant for a server that has been running. `--quick` takes
 * fewer, to stay within its two minutes.
 */
const ENDPOINT_WARM_UP = args.quick ? 30 : 100;

async function benchEndpoints(db: Database, baseUrl: string, size: Size, file: Dataset): Promise<void> {
  const rng = mulberry32(7);
  const degrees = [...participationDegrees(file)].sort((a, b) => b[1] - a[1]);
  // Every measured request asks for something not asked before (the response cache would answer a repeat), half
  // of them hubs (the expensive case), half random actors (the typical one); warm-up requests use other actors.
  const hubCount = Math.ceil(size.iterations / 2);
  const hubs = degrees.slice(0, hubCount).map(([id]) => id);
  const warmHubs = degrees.slice(hubCount, hubCount + ENDPOINT_WARM_UP).map(([id]) => id);
  const others = degrees.slice(hubCount + ENDPOINT_WARM_UP).map(([id]) => id);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const measured = others.slice(0, 4 * size.iterations);
  const warmOthers = others.slice(4 * size.iterations, 4 * (size.iterations + ENDPOINT_WARM_UP));
  const names = file.nodes.filter((n) => n.type === "person").map((n) => n.name.split(" ").at(-1)!);
  // Request i of endpoint k: a hub for even i, else the endpoint's own random actor (endpoints never share one).
  const actorFor = (warm: boolean, i: number, k: number) => {
    const n = warm ? ENDPOINT_WARM_UP : size.iterations;
    return i % 2 === 0
      ? (warm ? warmHubs : hubs)[Math.floor(i / 2)]!
      : (warm ? warmOthers : measured)[k * n + Math.floor(i / 2)]!;
  };
  const pathEnd = (warm: boolean, i: number) =>
    (warm ? warmOthers : measured)[3 * (warm ? ENDPOINT_WARM_UP : size.iterations) + i]!;
  const cases: [string, (i: number, warm: boolean) => string][] = [
    ["node details", (i, warm) => `/api/nodes/${actorFor(warm, i, 0)}`],
    ["neighbours (page of 50)", (i, warm) => `/api/nodes/${actorFor(warm, i, 1)}/neighbors?limit=50`],
    ["search", () => `/api/search?q=${encodeURIComponent(names[Math.floor(rng() * names.length)]!)}`],
    ["path", (i, warm) => `/api/path?from=${actorFor(warm, i, 2)}&to=${pathEnd(warm, i)}`],
    ["overview", () => `/api/graph`],
  ];
  for (const [name, make] of cases) {
    const iterations = name === "overview" ? (args.quick ? 5 : 10) : size.iterations;
    for (let i = 0; i < (name === "overview" ? 1 : ENDPOINT_WARM_UP); i++) await timeGet(baseUrl + make(i, true));
    const samples: number[] = [];
    const statuses = new Map<number, number>();
    const deadline = performance.now() + 90_000;
    for (let i = 0; i < iterations && performance.now() < deadline; i++) {
      const { ms, status } = await timeGet(baseUrl + make(i, false));
      samples.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const bad = [...statuses].filter(([s]) => s >= 400);
    const note = `n=${samples.length}${bad.length ? `, HTTP ${bad.map(([s, c]) => `${s}×${c}`).join(" ")}` : ""}`;
    record({
      section: "endpoints",
      metric: `${name} p50`,
      size: size.label,
      value: percentile(samples, 50),
      unit: "ms",
      note,
    });
    record({
      section: "endpoints",
      metric: `${name} p95`,
      size: size.label,
      value: percentile(samples, 95),
      unit: "ms",
      note,
    });
  }

  // The densest nodes of all: the topic and the place with the most events and agreements (a hundred thousand at
  // 1M), paged through as a reader would, each page a request not asked before.
  const eventsOf = (key: "topics" | "place") => {
    const counts = new Map<string, number>();
    for (const node of file.nodes)
      for (const id of key === "topics" ? (node.topics ?? []) : node.place ? [node.place] : [])
        counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0];
  };
  const dense = [eventsOf("topics"), eventsOf("place")].filter((d): d is [string, number] => d !== undefined);
  const densePages = args.quick ? 4 : 10;
  for (const [name, make] of [
    ["node details, densest topic and place", (id: string, i: number) => `/api/nodes/${id}?eventsOffset=${25 * i}`],
    [
      "neighbours (page of 50), densest topic and place",
      (id: string, i: number) => `/api/nodes/${id}/neighbors?limit=50&offset=${50 * i}`,
    ],
  ] as const) {
    for (const [id] of dense) await timeGet(baseUrl + make(id, 1_000));
    const samples: number[] = [];
    for (let i = 0; i < densePages; i++)
      for (const [id] of dense) samples.push((await timeGet(baseUrl + make(id, i))).ms);
    record({
      section: "endpoints",
      metric: `${name} p50`,
      size: size.label,
      value: percentile(samples, 50),
      unit: "ms",
      note: dense.map(([id, n]) => `${id} (${n} events and agreements)`).join(", "),
    });
  }

  // Payload: the overview's compact graphology JSON vs the same elements as raw driver records.
  const overviewText = await (await fetch(`${baseUrl}/api/graph`)).text();
  const overview = JSON.parse(overviewText) as {
    nodes: { key: string }[];
    edges: unknown[];
    attributes?: Record<string, unknown>;
  };
  const elements = overview.nodes.length + overview.edges.length;
  const gz = await gzipBytes(`${baseUrl}/api/graph`);
  const ids = overview.nodes.map((n) => n.key);
  const raw = await db.readTx(async (tx) => {
    const nodes = await tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n", { ids });
    const edges = await tx.run(
      "UNWIND $ids AS id MATCH (a:Entity {id: id})-[m:MET]->(b:Entity) WHERE b.id IN $ids RETURN m",
      { ids },
    );
    return JSON.stringify(
      [...nodes.records, ...edges.records].map((r) => r.toObject()),
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
  });
  const rawElements = Math.max(1, raw === "[]" ? 1 : (JSON.parse(raw) as unknown[]).length);
  const compactPer = Buffer.byteLength(overviewText) / Math.max(1, elements);
  const rawPer = Buffer.byteLength(raw) / rawElements;
  const lod = overview.attributes?.lod ? "LOD view" : "full view";
  record({
    section: "payload",
    metric: "overview bytes/element (JSON)",
    size: size.label,
    value: compactPer,
    unit: "B",
    baseline: rawPer,
    baselineName: "raw driver records",
    note: `${elements} elements, ${lod}`,
  });
  record({
    section: "payload",
    metric: "overview bytes/element (gzip)",
    size: size.label,
    value: gz / Math.max(1, elements),
    unit: "B",
    baseline: rawPer,
    baselineName: "raw driver records",
  });
}

/* ----------------------------------------------------------------------------------------------------------------
 * Output
 * -------------------------------------------------------------------------------------------------------------- */

function table(): string {
  const header = ["section", "metric", "size", "value", "unit", "baseline", "ratio", "note"];
  const body = rows.map((r) => [
    r.section,
    r.metric,
    r.size,
    fmt(r.value),
    r.unit,
    r.baseline === undefined ? "" : `${fmt(r.baseline)} (${r.baselineName})`,
    r.ratio === undefined ? "" : `×${fmt(r.ratio)}`,
    r.note ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 3 || i === 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function machine(): Record<string, unknown> {
  const cpu = os.cpus()[0]?.model ?? "unknown";
  let chromium: string;
  try {
    chromium = execFileSync(process.env.CHROME_PATH ?? "/usr/bin/chromium", ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    chromium = "not found";
  }
  return {
    cores: os.cpus().length,
    cpu,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    neo4j: NEO4J_VERSION,
    chromium,
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Main
 * -------------------------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  const sizes = args.size?.length
    ? SIZES.filter((s) => args.size!.includes(s.label))
    : args.quick
      ? SIZES.slice(0, 1)
      : SIZES;
  meta.machine = machine();
  meta.mode = args.quick ? "quick" : "full";
  const timings: Record<string, number> = {};

  // Extraction throughput (no database): the articles beside the checkout, one core.
  const articleFiles = sharedArticleFiles(ROOT_DIR);
  if (articleFiles.length) {
    progress(`extracting ${articleFiles.length} articles for throughput`);
    const t = measureExtraction(readArticles(articleFiles), args.quick ? 1_000 : 3_000);
    record({
      section: "extract",
      metric: "articles/s (one core)",
      size: `${t.articles} articles`,
      value: t.articlesPerSecond,
      unit: "articles/s",
      baseline: t.sentenceSplitPerSecond,
      baselineName: "sentence split only",
      note: "target ≥ 200 articles/s",
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

  if (!args["no-server"]) {
    progress("starting a throwaway embedded Neo4j (not counted)");
    const { db, neo4j } = await startDatabase();
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
      for (const [i, size] of sizes.entries()) {
        progress(`generating ${size.label}: ${size.actors} actors, ${size.events} events`);
        const file = generateSynthetic({ actors: size.actors, events: size.events, seed: 2026 });
        await benchLoad(db, size, file, !args.quick && i === 1);
        // The endpoints are measured on the server in its own process, started after the load (so its response
        // cache is empty), as `npm start` runs it; this process holds the generated dataset in its heap.
        progress("starting the server in its own process (not counted)");
        const server = await startServerProcess(neo4j.uri, {
          PARLEY_QUERY_RATE_PER_MINUTE: "100000",
          PARLEY_RATE_LIMIT_PER_MINUTE: "1000000",
        });
        try {
          await benchEndpoints(db, server.url, size, file);
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
          note: `heap ${args.heap}, page cache 2g`,
        });
        if (i < sizes.length - 1) await wipe(db);
      }
    } finally {
      await db.close();
      await neo4j.dispose();
    }
    timings.serverSeconds = (Date.now() - timedFrom) / 1000;
  }

  if (!args["no-browser"]) {
    const timedFrom = Date.now();
    const browser = await runBrowserBench({ quick: args.quick, sizes: args.size, progress });
    meta.webglRenderer = browser.renderer;
    meta.parleyRenderer = browser.parleyNote;
    for (const row of browser.rows) record(row);
    timings.browserSeconds = (Date.now() - timedFrom) / 1000;
  }
  meta.timings = timings;

  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  } else {
    const m = meta.machine as Record<string, unknown>;
    process.stdout.write(
      `Parley benchmark (${meta.mode}) — ${String(m.cores)} cores ${String(m.cpu)}, ${String(m.memoryGiB)} GiB, load ${JSON.stringify(m.loadavg)}, ` +
        `Node ${String(m.node)}, Neo4j ${String(m.neo4j)}, ${String(m.chromium)}\nWebGL renderer: ${String(meta.webglRenderer ?? "not measured")}\n` +
        `${meta.parleyRenderer ? `Parley renderer: ${String(meta.parleyRenderer)}\n` : ""}Timed part: ${JSON.stringify(timings)}\n\n${table()}\n`,
    );
  }
}

await main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
