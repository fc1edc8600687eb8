/**
 * Endpoint benchmark
 * ==================
 *
 * Times the explorer's endpoints over HTTP, the way the explorer calls them (node details, neighbours, search,
 * path, overview, and the densest nodes paged through), after untimed warm-up requests, and weighs the overview's
 * payload against the same elements as raw driver records.
 */
import http from "node:http";
import type { Database } from "../../server/db/database.js";
import type { BenchOptions } from "./options.js";
import { type BenchReport, percentile } from "./report.js";
import type { Dataset, Size } from "./sizes.js";
import { mulberry32, participationDegrees } from "./synthetic.js";

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
const WARM_UP_REQUESTS = { full: 100, quick: 30 };

/** Measures every endpoint on a server that has `file` loaded, at `baseUrl`. */
export async function benchEndpoints(
  db: Database,
  baseUrl: string,
  size: Size,
  file: Dataset,
  options: BenchOptions,
  report: BenchReport,
): Promise<void> {
  const { record } = report;
  const warmUpRequests = options.quick ? WARM_UP_REQUESTS.quick : WARM_UP_REQUESTS.full;
  const rng = mulberry32(7);
  const degrees = [...participationDegrees(file)].sort((a, b) => b[1] - a[1]);
  // Every measured request asks for something not asked before (the response cache would answer a repeat), half
  // of them hubs (the expensive case), half random actors (the typical one); warm-up requests use other actors.
  // The densest actor of all is kept for its own rows below (paged through), so none of its pages is asked here.
  const hubCount = Math.ceil(size.iterations / 2);
  const hubs = degrees.slice(1, 1 + hubCount).map(([id]) => id);
  const warmHubs = degrees.slice(1 + hubCount, 1 + hubCount + warmUpRequests).map(([id]) => id);
  const others = degrees.slice(1 + hubCount + warmUpRequests).map(([id]) => id);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const measured = others.slice(0, 4 * size.iterations);
  const warmOthers = others.slice(4 * size.iterations, 4 * (size.iterations + warmUpRequests));
  const names = file.nodes.filter((n) => n.type === "person").map((n) => n.name.split(" ").at(-1)!);
  // Request i of endpoint k: a hub for even i, else the endpoint's own random actor (endpoints never share one).
  const actorFor = (warm: boolean, i: number, k: number) => {
    const n = warm ? warmUpRequests : size.iterations;
    return i % 2 === 0
      ? (warm ? warmHubs : hubs)[Math.floor(i / 2)]!
      : (warm ? warmOthers : measured)[k * n + Math.floor(i / 2)]!;
  };
  const pathEnd = (warm: boolean, i: number) =>
    (warm ? warmOthers : measured)[3 * (warm ? warmUpRequests : size.iterations) + i]!;
  // The month `i` months after January 2000 (warm-up requests from 2008 on), as `YYYY-MM`.
  const monthOf = (i: number, warm: boolean) => {
    const months = i + (warm ? 96 : 0);
    return `${2000 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, "0")}`;
  };
  const cases: [string, (i: number, warm: boolean) => string][] = [
    ["node details", (i, warm) => `/api/nodes/${actorFor(warm, i, 0)}`],
    ["neighbours (page of 50)", (i, warm) => `/api/nodes/${actorFor(warm, i, 1)}/neighbors?limit=50`],
    ["search", () => `/api/search?q=${encodeURIComponent(names[Math.floor(rng() * names.length)]!)}`],
    ["path", (i, warm) => `/api/path?from=${actorFor(warm, i, 2)}&to=${pathEnd(warm, i)}`],
    ["overview", () => `/api/graph`],
    // The map: every place of the whole window, and one actor's places (the selection's highlight).
    ["places (map)", (i, warm) => (i % 2 === 0 ? `/api/places` : `/api/places?actor=${actorFor(warm, i, 0)}`)],
    // A five-year window of the overview, and two five-year periods compared (ten years apart): both moved a month
    // per request, so that no answer repeats. The window is the comparison's baseline: it reads one period.
    ["overview, five-year window", (i, warm) => `/api/graph?from=${monthOf(i, warm)}&to=${monthOf(i + 59, warm)}`],
    [
      "diff (two periods)",
      (i, warm) =>
        `/api/diff?a=${monthOf(i, warm)}..${monthOf(i + 59, warm)}&b=${monthOf(i + 120, warm)}..${monthOf(i + 179, warm)}`,
    ],
  ];
  // Whole-network reads: few warm-up requests (each costs up to a second at 100k), never one repeated.
  const warmUpsOf = (name: string) =>
    name === "overview" ? 1 : name.startsWith("overview, ") || name.startsWith("diff") ? 3 : warmUpRequests;
  const percentiles = new Map<string, number>();
  for (const [name, make] of cases) {
    // `--quick` takes 20 samples a row (the p95 is then the second slowest) to stay within its four minutes.
    const iterations =
      name === "overview" ? (options.quick ? 5 : 10) : options.quick ? Math.min(20, size.iterations) : size.iterations;
    for (let i = 0; i < warmUpsOf(name); i++) await timeGet(baseUrl + make(i, true));
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
    const baselineName = name.startsWith("diff") ? "overview, five-year window" : undefined;
    for (const p of [50, 95]) {
      const value = percentile(samples, p);
      percentiles.set(`${name} p${p}`, value);
      const baseline = baselineName ? percentiles.get(`${baselineName} p${p}`) : undefined;
      record({
        section: "endpoints",
        metric: `${name} p${p}`,
        size: size.label,
        value,
        unit: "ms",
        ...(baseline ? { baseline, baselineName: `${baselineName} p${p}` } : {}),
        note,
      });
    }
  }

  // The densest nodes of all: the topic and the place with the most events and agreements (a hundred thousand at
  // 1M), and the actor with the most events, paged through as a reader would, each page a request not asked before.
  const eventsOf = (key: "topics" | "place") => {
    const counts = new Map<string, number>();
    for (const node of file.nodes)
      for (const id of key === "topics" ? (node.topics ?? []) : node.place ? [node.place] : [])
        counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0];
  };
  const densest: [string, [string, number][], string][] = [
    [
      "densest topic and place",
      [eventsOf("topics"), eventsOf("place")].filter((d): d is [string, number] => d !== undefined),
      "events and agreements",
    ],
    ["densest actor", degrees.slice(0, 1), "events"],
  ];
  const densePages = options.quick ? 4 : 10;
  for (const [what, dense, counted] of densest) {
    for (const [name, make] of [
      [`node details, ${what}`, (id: string, i: number) => `/api/nodes/${id}?eventsOffset=${25 * i}`],
      [
        `neighbours (page of 50), ${what}`,
        (id: string, i: number) => `/api/nodes/${id}/neighbors?limit=50&offset=${50 * i}`,
      ],
    ] as const) {
      for (const [id] of dense) await timeGet(baseUrl + make(id, 1_000));
      const samples: number[] = [];
      for (let i = 0; i < densePages; i++)
        for (const [id] of dense) samples.push((await timeGet(baseUrl + make(id, i))).ms);
      const note = `n=${samples.length}: ${dense.map(([id, n]) => `${id} (${n} ${counted})`).join(", ")}`;
      for (const p of [50, 95])
        record({
          section: "endpoints",
          metric: `${name} p${p}`,
          size: size.label,
          value: percentile(samples, p),
          unit: "ms",
          note,
        });
    }
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
