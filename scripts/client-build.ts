/**
 * Client build freshness
 * ======================
 *
 * Tells whether dist/client is older than the explorer's sources, so npm start and the e2e tests rebuild only then.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../server/config.js";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/client is missing or older than client/, contracts/ (the bundle imports both) or the Vite config. */
export function clientBuildIsStale(): boolean {
  const built = path.join(ROOT_DIR, "dist", "client", "index.html");
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(ROOT_DIR, "client")),
    newestMtime(path.join(ROOT_DIR, "contracts")),
    statSync(path.join(ROOT_DIR, "vite.config.ts")).mtimeMs,
  );
  return sources > statSync(built).mtimeMs;
}
