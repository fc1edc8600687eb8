/**
 * Load benchmark
 * ==============
 *
 * Loads each size through the import path, beside two baselines measured in the same run on the same machine:
 * per-row MERGE statements on the same rows, and the bare-write ceiling (tests/bench/bare-writes.ts). On the middle
 * size it also sweeps batch sizes and staging parallelism. Every step of the import is timed from its progress
 * callbacks, so the slow ones show.
 */
import type { Database } from "../../server/db/database.js";
import { nodeCount } from "../../server/db/planner.js";
import { validateImport } from "../../server/modules/ingest/import.validate.js";
import { BATCH_SIZE } from "../../server/modules/ingest/import.repository.js";
import { loadImportFile } from "../helpers/load.js";
import { ceilingRelationshipsPerSecond, measureBareWrites } from "./bare-writes.js";
import { countRelationships, wipe } from "./bench-database.js";
import type { BenchOptions } from "./options.js";
import type { BenchReport } from "./report.js";
import type { Dataset, Size } from "./sizes.js";
import { generateSynthetic } from "./synthetic.js";

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
  options: BenchOptions,
  report: BenchReport,
  parallelism?: number,
  batchSize?: number,
): Promise<{ ms: number; rels: number; nodes: number; steps: Record<string, number> }> {
  const before = await countRelationships(db);
  const nodesBefore = await nodeCount(db);
  const started = performance.now();
  const steps: Record<string, number> = {};
  for (const [i, file] of files.entries()) {
    let last = performance.now();
    const fileStarted = last;
    await loadImportFile(db, file, {
      ...(options.stageAboveRows !== undefined ? { stageAboveRows: options.stageAboveRows } : {}),
      ...(parallelism ? { staged: { parallelism } } : {}),
      batchSize,
      progress: (step) => {
        const now = performance.now();
        steps[step] = Math.round((steps[step] ?? 0) + now - last);
        last = now;
      },
    });
    // Whatever follows the last reported step (the planner statistics refresh, or the commit) has no report of its own.
    steps["after the last report"] = Math.round((steps["after the last report"] ?? 0) + performance.now() - last);
    if (files.length > 1)
      report.progress(
        `  file ${i + 1}/${files.length} loaded in ${((performance.now() - fileStarted) / 1000).toFixed(1)} s`,
      );
  }
  const ms = performance.now() - started;
  return { ms, rels: (await countRelationships(db)) - before, nodes: (await nodeCount(db)) - nodesBefore, steps };
}

/** Loads a small dataset once and wipes it, so that query planning is not billed to the first measured load. */
export async function warmUp(db: Database): Promise<void> {
  await loadImportFile(db, generateSynthetic({ actors: 200, events: 400, seed: 99 }));
  await wipe(db);
}

/** Measures loading one size (validation, the baselines, the import path); the default run's data stays for the reads. */
export async function benchLoad(
  db: Database,
  size: Size,
  file: Dataset,
  sweep: boolean,
  options: BenchOptions,
  report: BenchReport,
): Promise<void> {
  const { progress, record, meta } = report;
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
  const perRow = await perRowLoad(db, file, options.quick ? 1_000 : 5_000);
  const perRowRate = perRow.rows / (perRow.ms / 1000);
  await wipe(db);

  // The machine's ceiling: the simplest nodes and links, written in the staging path's transactions.
  const bareNodes = options.quick ? 10_000 : 100_000;
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
    const { ms, rels, nodes, steps } = await timedLoad(db, files, options, report, parallelism, batch);
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
    if (!isDefault) await wipe(db);
  }
}
