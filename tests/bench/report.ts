/**
 * Benchmark report
 * ================
 *
 * What `npm run bench` collects and prints: one row per figure, each beside the baseline measured in the same run
 * (ratio = value / baseline), progress lines on stderr, the machine it ran on, and the final table.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { NEO4J_VERSION } from "../../server/db/embedded/prerequisites.js";

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

/** The rows and facts of one run, and how the bench's parts add to them. */
export interface BenchReport {
  rows: BenchRow[];
  meta: Record<string, unknown>;
  /** A progress line on stderr, stamped with the seconds since the run started. */
  progress(message: string): void;
  /** Adds a row (computing its ratio) and echoes it as progress. */
  record(row: BenchRow): void;
}

/** An empty report whose clock starts now. */
export function createReport(): BenchReport {
  const startedAt = Date.now();
  const rows: BenchRow[] = [];
  const progress = (message: string) =>
    process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  return {
    rows,
    meta: {},
    progress,
    record(row) {
      if (row.baseline !== undefined && row.ratio === undefined && row.baseline !== 0)
        row.ratio = row.value / row.baseline;
      rows.push(row);
      progress(
        `${row.section} ${row.metric} @${row.size}: ${fmt(row.value)} ${row.unit}${row.baseline !== undefined ? ` (vs ${row.baselineName} ${fmt(row.baseline)}, ×${fmt(row.ratio ?? NaN)})` : ""}`,
      );
    },
  };
}

/** A figure as the table shows it: thousands separators from 100 up, two decimals below 10. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** The nearest-rank percentile `p` (0–100) of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The rows as an aligned text table. */
export function table(rows: BenchRow[]): string {
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

/** The machine the figures were measured on. */
export function machine(): Record<string, unknown> {
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
