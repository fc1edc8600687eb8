/**
 * npm start
 * =========
 *
 * Builds the explorer when its sources are newer than the last build, then starts the server (which starts the
 * embedded Neo4j when NEO4J_URI is unset).
 */
import path from "node:path";
import { ROOT_DIR } from "../server/config.js";
import { parseCli } from "./cli.js";
import { clientBuildIsStale } from "./client-build.js";

parseCli({
  name: "start",
  usage:
    "usage: npm start\n  builds the explorer when needed, then starts the server (and the embedded Neo4j when NEO4J_URI is unset);\n  settings are environment variables or a .env file (see the README's configuration table)",
  options: {},
});

if (clientBuildIsStale()) {
  process.stderr.write("Building the explorer (vite build)…\n");
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT_DIR, "vite.config.ts"), logLevel: "warn" });
}
await import("../server/main.js");
