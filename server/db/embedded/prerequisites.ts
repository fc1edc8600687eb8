/**
 * Embedded Neo4j prerequisites
 * ============================
 *
 * Finds Java 17+ and Maven, and resolves the Neo4j Community jars from Maven Central once per version into a
 * shared cache under `.parley/`, so later starts (and every test run) reuse them.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The Neo4j release the pom pins; kept here too so the cache folder and health output can name it. */
export const NEO4J_VERSION = "5.26.24";

export const EMBEDDED_DIR = path.dirname(fileURLToPath(import.meta.url));
export const POM_PATH = path.join(EMBEDDED_DIR, "pom.xml");
export const ENTRY_POINT_SOURCE = path.join(EMBEDDED_DIR, "ParleyNeo4j.java");

/** Thrown when the machine lacks what the embedded database needs; the message lists the ways out. */
export class MissingPrerequisiteError extends Error {
  constructor(what: string) {
    super(
      `${what}\n` +
        "Parley needs a Neo4j 5 database. Pick one of:\n" +
        "  1. install Java 17+ (a JDK) and Maven, e.g. `sudo apt-get install openjdk-17-jdk-headless maven`, then `npm start` again;\n" +
        "  2. run `docker compose up` (Neo4j and Parley in containers);\n" +
        "  3. point Parley at an existing server: NEO4J_URI=neo4j://host:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=… npm start",
    );
    this.name = "MissingPrerequisiteError";
  }
}

/** Returns the java executable (JAVA_HOME first) after checking it is version 17 or newer. */
export async function findJava(): Promise<string> {
  const candidates = [process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : null, "java"].filter(
    (c): c is string => c !== null,
  );
  for (const java of candidates) {
    let output: string;
    try {
      const { stderr, stdout } = await run(java, ["-version"]);
      output = stderr + stdout;
    } catch {
      continue;
    }
    const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
    const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : 0;
    if (major >= 17) return java;
    throw new MissingPrerequisiteError(`Java ${major || "(unknown version)"} was found at ${java}, but Neo4j 5.26 needs Java 17 or newer.`);
  }
  throw new MissingPrerequisiteError("Java was not found (neither $JAVA_HOME/bin/java nor `java` on the PATH).");
}

async function findMaven(): Promise<string> {
  try {
    await run("mvn", ["-v"]);
    return "mvn";
  } catch {
    throw new MissingPrerequisiteError("Maven (`mvn`) was not found on the PATH; it downloads Neo4j's jars once.");
  }
}

/**
 * Makes sure `<cacheDir>/lib` holds the Neo4j jars, downloading them with Maven on the first run.
 * The download goes to a temporary folder that is renamed when complete, so an interrupted run is never reused.
 */
export async function ensureNeo4jJars(cacheDir: string, log: (line: string) => void): Promise<string> {
  const libDir = path.join(cacheDir, "lib");
  if (existsSync(path.join(cacheDir, "complete"))) return libDir;
  const mvn = await findMaven();
  const partial = path.join(cacheDir, "lib.partial");
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  log(`Downloading Neo4j ${NEO4J_VERSION} Community jars from Maven Central (first run only, about 120 MB)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      mvn,
      ["-B", "-q", "-f", POM_PATH, "dependency:copy-dependencies", "-DincludeScope=runtime", `-DoutputDirectory=${partial}`],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Maven could not resolve the Neo4j jars (exit ${code}); check the network to Maven Central and retry.`)),
    );
  });
  await rm(libDir, { recursive: true, force: true });
  await rename(partial, libDir);
  const count = (await readdir(libDir)).length;
  await writeFile(path.join(cacheDir, "complete"), `${NEO4J_VERSION}\n`);
  log(`Neo4j jars ready: ${count} files in ${Math.round((Date.now() - started) / 1000)} s (${libDir}).`);
  return libDir;
}
