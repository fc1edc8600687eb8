/**
 * The server in its own process
 * =============================
 *
 * For the load test and the benchmark: the Parley server started as `npm start` starts it (server/main.ts), on a
 * free loopback port and a given Neo4j, so what is measured is the server alone, not the measuring process (which
 * may hold a million-link dataset in its own heap).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../../server/config.js";
import { freePort } from "../../server/db/embedded/embedded-neo4j.js";

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Resident memory of a process, in bytes (NaN when it is gone). */
export function processRssBytes(pid: number | null | undefined): number {
  if (!pid) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
}

/** Starts server/main.ts against `neo4jUri` (no auth) and waits until /api/health answers 200 (at most 60 s). */
export async function startServerProcess(neo4jUri: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "server", "main.ts")], {
    cwd: ROOT_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NEO4J_URI: neo4jUri,
      NEO4J_PASSWORD: "",
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error("the Parley server did not become healthy within 60 s");
}
