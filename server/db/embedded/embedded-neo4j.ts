/**
 * Embedded Neo4j launcher
 * =======================
 *
 * Runs a genuine Neo4j 5.26 Community server from Maven Central jars as a child JVM of this Node process, for
 * development and tests when no NEO4J_URI is given. It writes the conf, picks ports, keeps a pid file, restarts a
 * server that dies (with backoff), and stops it on request. The JVM also stops by itself when this process dies,
 * because it watches the stdin pipe that we hold (see ParleyNeo4j.java).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { ensureInitialPassword } from "./initial-password.js";
import { writeNeo4jHome } from "./neo4j-conf.js";
import { ENTRY_POINT_SOURCE, NEO4J_VERSION, ensureNeo4jJars, findJava } from "./prerequisites.js";

const run = promisify(execFile);

export interface EmbeddedNeo4jOptions {
  /** The instance folder: conf, data, logs, pid file and password live here. */
  homeDir: string;
  /** Shared jar cache (one per Neo4j version), reused by every instance of this checkout. */
  jarCacheDir: string;
  boltPort: number;
  httpPort: number;
  /** With auth, a generated password is kept in `<homeDir>/password` (mode 0600). */
  auth: boolean;
  /** Makes the first start's password (server/db/embedded/initial-password.ts); tests force awkward ones. */
  generatePassword?: () => string;
  heap: string;
  pageCache: string;
  transactionTimeout: string;
  /** Where the pid of the running JVM is written. */
  pidFile: string;
  log: (line: string) => void;
}

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string | null;
  boltPort: number;
  httpPort: number;
  version: string;
}

const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
];

const STOP_GRACE_MS = 8_000;
const MAX_RESTART_DELAY_MS = 30_000;

/** Is something already listening on 127.0.0.1:port? */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A Neo4j server process owned by this Node process. */
export class EmbeddedNeo4j {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restartDelay = 1_000;
  private restartTimer: NodeJS.Timeout | null = null;
  private java = "java";
  private libDir = "";

  private constructor(
    private readonly options: EmbeddedNeo4jOptions,
    readonly connection: Neo4jConnection,
  ) {}

  /**
   * Prepares the instance (Java check, jars, ports, conf, password) and spawns the server. Resolves once the JVM
   * is started, not when Bolt answers: readiness is the driver's job (`verifyConnectivity` in a loop).
   */
  static async start(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
    const java = await findJava();
    await mkdir(options.homeDir, { recursive: true });
    await refuseSecondInstance(options.pidFile, options.homeDir);
    const libDir = await ensureNeo4jJars(options.jarCacheDir, options.log);

    const boltPort = await pickPort(options.boltPort, "Bolt", options.log);
    let httpPort = await pickPort(options.httpPort, "HTTP", options.log);
    if (httpPort === boltPort) httpPort = await freePort();

    await writeNeo4jHome(options.homeDir, {
      boltPort,
      httpPort,
      authEnabled: options.auth,
      heap: options.heap,
      pageCache: options.pageCache,
      transactionTimeout: options.transactionTimeout,
    });
    // After the conf (the admin tool reads it), before the first start (Neo4j ignores it afterwards).
    const password = options.auth
      ? await ensureInitialPassword({
          homeDir: options.homeDir,
          runAdminTool: (args) => runSetInitialPassword(java, options.homeDir, libDir, args),
          generate: options.generatePassword,
        })
      : null;

    const instance = new EmbeddedNeo4j(options, {
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: "neo4j",
      password,
      boltPort,
      httpPort,
      version: NEO4J_VERSION,
    });
    instance.java = java;
    instance.libDir = libDir;
    await instance.spawnServer();
    return instance;
  }

  /** The pid of the running JVM, or null between restarts. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  private async spawnServer(): Promise<void> {
    const { homeDir, heap, log } = this.options;
    const logStream = createWriteStream(path.join(homeDir, "logs", "neo4j.log"), { flags: "a" });
    const classpath = [
      path.join(homeDir, "plugins", "*"),
      path.join(homeDir, "conf", "*"),
      path.join(this.libDir, "*"),
    ].join(path.delimiter);
    const child = spawn(
      this.java,
      [
        `-Xms${heap}`,
        `-Xmx${heap}`,
        ...JVM_FLAGS,
        "-cp",
        classpath,
        // Java's single-file source launcher compiles the tiny parent-watching entry point in memory.
        ENTRY_POINT_SOURCE,
        `--home-dir=${homeDir}`,
        `--config-dir=${path.join(homeDir, "conf")}`,
        "--console-mode",
      ],
      { cwd: homeDir, stdio: ["pipe", "pipe", "pipe"] },
    );
    this.child = child;
    child.stdout?.pipe(logStream);
    child.stderr?.pipe(logStream);
    child.stdin?.on("error", () => {
      // The JVM closing its end is reported through "exit"; nothing to do here.
    });
    if (child.pid) await writeFile(this.options.pidFile, `${child.pid}\n`);
    log(
      `Neo4j ${NEO4J_VERSION} starting (pid ${child.pid}, bolt 127.0.0.1:${this.connection.boltPort}, http 127.0.0.1:${this.connection.httpPort}, logs ${path.join(homeDir, "logs")})`,
    );

    const startedAt = Date.now();
    child.once("exit", (code, signal) => {
      logStream.end();
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      // A server that ran for a while earns a quick restart; one that keeps dying backs off.
      if (Date.now() - startedAt > 60_000) this.restartDelay = 1_000;
      log(
        `Neo4j exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${this.restartDelay / 1000} s. See ${path.join(homeDir, "logs", "neo4j.log")}`,
      );
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!this.stopping)
          void this.spawnServer().catch((error: unknown) => log(`Neo4j restart failed: ${String(error)}`));
      }, this.restartDelay);
      this.restartDelay = Math.min(this.restartDelay * 2, MAX_RESTART_DELAY_MS);
    });
  }

  /** Stops the server: SIGTERM (Neo4j's clean shutdown), then SIGKILL after a grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(killTimer);
    }
    await rm(this.options.pidFile, { force: true });
  }
}

async function pickPort(preferred: number, name: string, log: (line: string) => void): Promise<number> {
  if (preferred === 0) return freePort();
  if (await isPortFree(preferred)) return preferred;
  const port = await freePort();
  log(`Port ${preferred} (Neo4j ${name}) is taken; using ${port} instead.`);
  return port;
}

/** One server per data folder: Neo4j's store lock would refuse a second one with a less helpful message. */
async function refuseSecondInstance(pidFile: string, homeDir: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline === "" || cmdline.includes(homeDir)) {
      throw new Error(
        `Another embedded Neo4j (pid ${pid}) is already using ${homeDir}. Stop the other Parley first ` +
          `(kill ${pid}), or give this one its own folder with PARLEY_DATA_DIR.`,
      );
    }
  }
  await rm(pidFile, { force: true });
}

/** Runs `neo4j-admin dbms set-initial-password <args>`; a failure carries the tool's own output. */
async function runSetInitialPassword(java: string, homeDir: string, libDir: string, args: string[]): Promise<void> {
  try {
    await run(
      java,
      [
        "-cp",
        `${path.join(homeDir, "conf", "*")}${path.delimiter}${path.join(libDir, "*")}`,
        "org.neo4j.cli.AdminTool",
        "dbms",
        "set-initial-password",
        ...args,
      ],
      {
        cwd: homeDir,
        env: { ...process.env, NEO4J_HOME: homeDir, NEO4J_CONF: path.join(homeDir, "conf") },
      },
    );
  } catch (error) {
    const failure = error as { code?: unknown; stderr?: string; stdout?: string };
    // Not error.message: it repeats the command line. The tool's output is redacted again by the caller.
    const output = `${failure.stderr ?? ""}${failure.stdout ?? ""}`.trim().split("\n").slice(0, 5).join(" ");
    // No `cause`: the original error may hold the password, and loggers print causes.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`neo4j-admin set-initial-password failed (exit ${String(failure.code)}): ${output || "no output"}`);
  }
}
