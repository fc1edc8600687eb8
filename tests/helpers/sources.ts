/**
 * The server's source files
 * =========================
 *
 * The architecture tests read the server's TypeScript as text: every `.ts` file under `server/`, as a path from the
 * checkout's root with forward slashes.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../../server/config.js";

export function serverFiles(dir = path.join(ROOT_DIR, "server")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith(".ts") ? [path.relative(ROOT_DIR, full).split(path.sep).join("/")] : [];
  });
}
