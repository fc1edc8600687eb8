/**
 * Client build freshness
 * ======================
 *
 * Whether dist/client still matches what it was built from, so npm start and the e2e tests rebuild only when
 * needed. The build records its own inputs (recordBuildInputs, a Vite plugin in vite.config.ts): every file the
 * bundle took in — the client's modules, the contracts, any other file they import, the packages' files — and the
 * configuration that shapes the output, each with a hash of its content. The build is stale when that record is
 * missing or one of those files is gone or differs, so no file the bundle imports can be left out of the check, as a
 * hand-kept list of folders once left out the server files the client imported.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILT_PAGE = path.join(ROOT_DIR, "dist", "client", "index.html");
/** Beside dist/client rather than in it, so that the server never serves it. */
const RECORD_FILE = path.join(ROOT_DIR, "dist", "client-build.json");

/** Files that shape the bundle without being imported by it: the build config, the compiler options, the lockfile. */
const CONFIG_INPUTS = ["vite.config.ts", "client/tsconfig.json", "tsconfig.base.json", "package-lock.json"];

/** What one build read: repository-relative path (or absolute, outside the checkout) → sha256, null if unknown. */
export interface BuildRecord {
  inputs: Record<string, string | null>;
}

function contentHash(file: string): string | undefined {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * Records `files` (absolute paths) with their hashes in `recordFile`. A file modified after `startedAt` (during the
 * build) is recorded without a hash, so that the next check rebuilds: the bundle may hold either version.
 */
export function writeBuildRecord(recordFile: string, rootDir: string, files: string[], startedAt: number): void {
  const inputs: Record<string, string | null> = {};
  for (const file of [...new Set(files)].sort()) {
    const relative = path.relative(rootDir, file);
    const key = relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
    inputs[key] = statSync(file).mtimeMs > startedAt ? null : (contentHash(file) ?? null);
  }
  mkdirSync(path.dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, `${JSON.stringify({ inputs } satisfies BuildRecord, null, 1)}\n`);
}

/** The recorded inputs that are gone or changed since the build (every one when there is no readable record). */
export function changedBuildInputs(recordFile: string, rootDir: string): string[] {
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(recordFile, "utf8")) as BuildRecord;
  } catch {
    return [recordFile];
  }
  if (!record.inputs || Object.keys(record.inputs).length === 0) return [recordFile];
  return Object.entries(record.inputs)
    .filter(([file, hash]) => hash === null || contentHash(path.resolve(rootDir, file)) !== hash)
    .map(([file]) => file);
}

/** True when dist/client is missing, or any file its last build read (or a config input) has changed since. */
export function clientBuildIsStale(): boolean {
  return !existsSync(BUILT_PAGE) || changedBuildInputs(RECORD_FILE, ROOT_DIR).length > 0;
}

/** The file behind a module id of the bundle, if it is one (virtual modules start with \0; ids may carry ?queries). */
function moduleFile(id: string): string | undefined {
  if (id.startsWith("\0")) return undefined;
  const file = id.split("?")[0]!;
  return path.isAbsolute(file) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** A Vite plugin that writes the build record: every module of the bundle, its HTML pages, and CONFIG_INPUTS. */
export function recordBuildInputs(): Plugin {
  let startedAt = 0;
  let files: string[] = [];
  return {
    name: "parley:record-build-inputs",
    apply: "build",
    buildStart(options) {
      startedAt = Date.now();
      const pages = typeof options.input === "string" ? [options.input] : Object.values(options.input ?? {});
      files = [...pages, ...CONFIG_INPUTS.map((f) => path.join(ROOT_DIR, f))];
    },
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const file = moduleFile(id);
        if (file) files.push(file);
      }
    },
    writeBundle() {
      writeBuildRecord(RECORD_FILE, ROOT_DIR, files, startedAt);
    },
  };
}
