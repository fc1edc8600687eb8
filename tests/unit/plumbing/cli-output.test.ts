/**
 * Clean machine output: every script answers --help with its usage (exit 0) and refuses a bad option in one line
 * without a stack trace; every command that prints data prints only that data on stdout, as `npm run --silent`
 * runs it, so `| jq` and `> file` work. Each command runs in its own process, as a user would run it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/config.js";

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run --silent <script> -- args`, as the README's recipes do. */
function npmRun(script: string, args: string[]): Promise<Outcome> {
  return capture("npm", ["run", "--silent", script, "--", ...args]);
}

/** Runs scripts/<file>.ts as npm would but without npm's own process (the command line is the script's alone). */
function tsxRun(file: string, args: string[]): Promise<Outcome> {
  return capture(process.execPath, ["--import", "tsx", path.join("scripts", `${file}.ts`), ...args]);
}

async function capture(command: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: ROOT_DIR,
      maxBuffer: 64 * 1024 * 1024,
      // NO_COLOR is not set on purpose: colour codes must not reach stdout whatever the terminal.
      env: { ...process.env, FORCE_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Every script in scripts/ (extract and eval parse their own command line, in the extraction CLI's contract). */
const SCRIPTS = [
  "start",
  "dev",
  "neo4j",
  "load",
  "backup",
  "restore",
  "ingest",
  "watch",
  "gen",
  "bench",
  "import-schema",
  "loadtest",
  "build-gazetteer",
  "extract",
  "eval",
  "extract-bench",
] as const;
// Each test starts a process or two; on a busy machine that takes far longer than a unit test's usual bound.
const SLOW = 180_000;

describe("cli #help", () => {
  for (const script of SCRIPTS) {
    it.concurrent(
      `should print the usage of scripts/${script}.ts --help and exit 0, doing nothing else`,
      async () => {
        const outcome = await tsxRun(script, ["--help"]);
        expect(outcome.code).toBe(0);
        expect(outcome.stdout).toMatch(/^usage: /);
        expect(outcome.stderr).toBe("");
      },
      SLOW,
    );
  }
});

describe("cli #bad options", () => {
  for (const script of ["gen", "load", "neo4j", "extract", "eval"] as const) {
    it.concurrent(
      `should refuse an unknown option of ${script} in one line, without a stack trace`,
      async () => {
        const outcome = await tsxRun(script, ["--no-such-option"]);
        expect(outcome.code).toBe(2);
        expect(outcome.stdout).toBe("");
        const lines = outcome.stderr.trim().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^${script}: Unknown option '--no-such-option'; --help shows the usage$`));
      },
      SLOW,
    );
  }

  it.concurrent(
    "should name a bad value of gen's --actors",
    async () => {
      const outcome = await tsxRun("gen", ["--actors", "many"]);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr.trim()).toBe('gen: --actors must be a whole number of at least 0 (got "many")');
    },
    SLOW,
  );
});

describe("cli #json on stdout", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-cli-"));
  const article = path.join(dir, "veloria.txt");
  // Written for this test: two invented ministers of invented countries.
  writeFileSync(
    article,
    "date: 2024-05-02\nsource: Parley Test Wire\n\nOSLO - The Foreign Minister of Veloria, Talia Morcant, met the Prime Minister of Ostrelia, Jonas Pellarin, in Oslo on Tuesday to discuss fisheries.\n",
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const commands: { name: string; script: string; args: string[]; check: (json: unknown) => void }[] = [
    {
      name: "gen",
      script: "gen",
      args: ["--actors", "30", "--events", "40"],
      check: (json) => expect(json).toMatchObject({ format: "parley-import", version: 1 }),
    },
    {
      name: "import-schema",
      script: "import-schema",
      args: [],
      check: (json) => expect(json).toMatchObject({ title: "Parley import file" }),
    },
    {
      name: "ingest --dry-run",
      script: "ingest",
      args: ["--dry-run", article],
      check: (json) => expect(JSON.stringify(json)).toContain("talia-morcant"),
    },
    {
      name: "extract",
      script: "extract",
      args: [article],
      check: (json) => expect(JSON.stringify(json)).toContain("Talia Morcant"),
    },
    {
      // The quick run without database and browser: its extraction rows, and the same writer as the full run.
      name: "bench --quick --json",
      script: "bench",
      args: ["--quick", "--json", "--no-server", "--no-browser"],
      check: (json) => expect(json).toMatchObject({ mode: "quick", rows: expect.any(Array) }),
    },
  ];
  for (const command of commands) {
    it.concurrent(
      `should write only JSON on stdout for ${command.name}`,
      async () => {
        const outcome = await npmRun(command.script, command.args);
        expect(outcome.code, outcome.stderr).toBe(0);
        expect(outcome.stdout).not.toContain("\u001b[");
        command.check(JSON.parse(outcome.stdout));
      },
      SLOW,
    );
  }

  it.concurrent(
    "should write gen's file with --out and nothing on stdout",
    async () => {
      const file = path.join(dir, "small.json");
      const outcome = await npmRun("gen", ["--actors", "20", "--events", "10", "--out", file]);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toBe("");
      const { readFileSync } = await import("node:fs");
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ format: "parley-import" });
    },
    SLOW,
  );
});
