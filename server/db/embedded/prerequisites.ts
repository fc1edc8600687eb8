/**
 * Embedded Neo4j prerequisites
 * ============================
 *
 * Finds a Java 17+ JDK and Maven, and resolves the Neo4j Community jars from Maven Central once per version into a
 * shared cache under `.parley/`, so later starts (and every test run) reuse them.
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { MissingPrerequisiteError } from "../../errors.js";

const run = promisify(execFile);

/** The Neo4j release the pom pins; kept here too so the cache folder and health output can name it. */
export const NEO4J_VERSION = "5.26.24";

export const EMBEDDED_DIR = path.dirname(fileURLToPath(import.meta.url));
export const POM_PATH = path.join(EMBEDDED_DIR, "pom.xml");
export const ENTRY_POINT_SOURCE = path.join(EMBEDDED_DIR, "ParleyNeo4j.java");

/**
 * Returns the java executable (JAVA_HOME first) after checking it is version 17 or newer *and* a JDK: the launcher
 * runs ParleyNeo4j.java through Java's source launcher, which needs the `jdk.compiler` module that a JRE lacks
 * (there it fails with "Module jdk.compiler not in boot Layer", and Neo4j would be restarted forever).
 */
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
    if (major >= 17) {
      if (await hasCompilerModule(java)) return java;
      throw new MissingPrerequisiteError(
        `Java ${major} at ${java} is a runtime (JRE) without the compiler module jdk.compiler, which Parley's Neo4j ` +
          "launcher needs: install a JDK, e.g. `sudo apt-get install openjdk-17-jdk-headless` (Debian/Ubuntu), " +
          "or point JAVA_HOME at one.",
      );
    }
    throw new MissingPrerequisiteError(
      `Java ${major || "(unknown version)"} was found at ${java}, but Neo4j 5.26 needs Java 17 or newer.`,
    );
  }
  throw new MissingPrerequisiteError("Java was not found (neither $JAVA_HOME/bin/java nor `java` on the PATH).");
}

/** True when this java lists the `jdk.compiler` module (a JDK); a JRE does not have it. */
export async function hasCompilerModule(java: string): Promise<boolean> {
  try {
    const { stdout } = await run(java, ["--list-modules"], { maxBuffer: 1024 * 1024 });
    return /^jdk\.compiler@/m.test(stdout);
  } catch {
    return false;
  }
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
  // One folder per pom content: editing the pom resolves afresh, and servers running on the old jars keep them.
  const pomHash = createHash("sha256").update(readFileSync(POM_PATH)).digest("hex").slice(0, 12);
  const dir = path.join(cacheDir, pomHash);
  const libDir = path.join(dir, "lib");
  const marker = path.join(dir, "complete");
  if (existsSync(marker) && existsSync(libDir)) return libDir;
  const mvn = await findMaven();
  // Several processes may resolve at once (parallel test runs): each downloads into its own folder, first one wins.
  const partial = path.join(dir, `lib.partial-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  log(`Downloading Neo4j ${NEO4J_VERSION} Community jars from Maven Central (first run only, about 165 MB)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      mvn,
      [
        "-B",
        "-q",
        "-f",
        POM_PATH,
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        `-DoutputDirectory=${partial}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `Maven could not resolve the Neo4j jars (exit ${code}); check the network to Maven Central and retry.`,
            ),
          ),
    );
  });
  if (existsSync(marker) && existsSync(libDir)) {
    await rm(partial, { recursive: true, force: true });
    return libDir;
  }
  await rm(libDir, { recursive: true, force: true });
  try {
    await rename(partial, libDir);
  } catch (error) {
    // Another process renamed its complete download into place between our check and our rename.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(libDir)) throw error;
  }
  const count = (await readdir(libDir)).length;
  await writeFile(marker, `${pomHash}\n`);
  log(`Neo4j jars ready: ${count} files in ${Math.round((Date.now() - started) / 1000)} s (${libDir}).`);
  return libDir;
}
