/**
 * The embedded Neo4j's first password: a safe alphabet, handed over so it is never an option, never printed, and a
 * failed first setup that leaves nothing behind. The admin tool is replaced by a recorder here; the real tool is
 * exercised with a password that begins with "-" in tests/integration/foundation.test.ts.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasCompilerModule } from "../../../server/db/embedded/prerequisites.js";
import {
  PASSWORD_ALPHABET,
  PASSWORD_LENGTH,
  ensureInitialPassword,
  generatePassword,
} from "../../../server/db/embedded/initial-password.js";

describe("initial password #generate", () => {
  it("should use letters and digits only, so no password can start with '-' or hold a shell character", () => {
    for (let i = 0; i < 500; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(PASSWORD_LENGTH);
      expect([...password].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
    }
    expect(PASSWORD_ALPHABET).toMatch(/^[A-Za-z0-9]+$/);
  });
});

describe("initial password #first setup", () => {
  let homeDir: string;
  beforeEach(() => {
    homeDir = mkdtempSync(path.join(tmpdir(), "parley-initial-password-"));
  });
  afterEach(async () => rm(homeDir, { recursive: true, force: true }));

  /** Stands in for neo4j-admin: reads the argument file as picocli would and "writes" the pending auth file. */
  function recordingTool(fail?: string) {
    const calls: string[][] = [];
    const run = async (args: string[]) => {
      const lines = (await readFile(args[0]!.slice(1), "utf8")).split("\n").filter(Boolean);
      calls.push(lines);
      await mkdir(path.join(homeDir, "data", "dbms"), { recursive: true });
      await writeFile(path.join(homeDir, "data", "dbms", "auth.ini"), "neo4j:hash\n");
      if (fail) throw new Error(fail);
    };
    return { calls, run };
  }

  it("should hand a password that begins with '-' after '--' in an argument file, never on the command line", async () => {
    const tool = recordingTool();
    const args: string[][] = [];
    const password = await ensureInitialPassword({
      homeDir,
      generate: () => "-dash-first-password",
      runAdminTool: async (a) => {
        args.push(a);
        await tool.run(a);
      },
    });
    expect(password).toBe("-dash-first-password");
    expect(args[0]).toHaveLength(1);
    expect(args[0]![0]).toMatch(/^@/);
    expect(args[0]!.join(" ")).not.toContain("dash-first");
    expect(tool.calls[0]).toEqual(["--", "-dash-first-password"]);
    // The argument file is gone; the password file holds the password, readable by its owner only.
    expect(existsSync(args[0]![0]!.slice(1))).toBe(false);
    expect((await readFile(path.join(homeDir, "password"), "utf8")).trim()).toBe("-dash-first-password");
    expect((await stat(path.join(homeDir, "password"))).mode & 0o777).toBe(0o600);
  });

  it("should leave nothing half-written when the tool fails, name no password, and succeed on the next start", async () => {
    const failing = recordingTool("Unable to set password secret-XYZ123 (disk full)");
    const error: Error = await ensureInitialPassword({
      homeDir,
      generate: () => "secret-XYZ123",
      runAdminTool: failing.run,
    }).then(
      () => new Error("expected a failure"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain("the next start will try again");
    expect(error.message).toContain("disk full");
    expect(error.message).not.toContain("secret-XYZ123");
    expect(existsSync(path.join(homeDir, "password"))).toBe(false);
    expect(existsSync(path.join(homeDir, "data", "dbms", "auth.ini"))).toBe(false);

    const working = recordingTool();
    const password = await ensureInitialPassword({ homeDir, generate: () => "SecondTry42", runAdminTool: working.run });
    expect(password).toBe("SecondTry42");
    expect((await readFile(path.join(homeDir, "password"), "utf8")).trim()).toBe("SecondTry42");
  });

  it("should reuse the stored password once the database has started, without running the tool", async () => {
    await writeFile(path.join(homeDir, "password"), "StoredOne\n", { mode: 0o600 });
    await mkdir(path.join(homeDir, "data", "databases", "system"), { recursive: true });
    const tool = recordingTool();
    expect(await ensureInitialPassword({ homeDir, runAdminTool: tool.run })).toBe("StoredOne");
    expect(tool.calls).toHaveLength(0);
  });

  it("should say what to do when a started database has lost its password file", async () => {
    await mkdir(path.join(homeDir, "data", "databases", "system"), { recursive: true });
    await expect(ensureInitialPassword({ homeDir, runAdminTool: recordingTool().run })).rejects.toThrow(
      /password file .* is missing/,
    );
  });
});

describe("prerequisites #jdk", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "parley-fake-java-"));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function fakeJava(modules: string[]): Promise<string> {
    const file = path.join(dir, "java");
    await writeFile(file, `#!/bin/sh\nprintf '%s\\n' ${modules.map((m) => `'${m}'`).join(" ")}\n`);
    await chmod(file, 0o755);
    return file;
  }

  it("should tell a JDK (jdk.compiler present) from a JRE", async () => {
    expect(await hasCompilerModule(await fakeJava(["java.base@17.0.15", "jdk.compiler@17.0.15"]))).toBe(true);
    expect(await hasCompilerModule(await fakeJava(["java.base@17.0.15", "java.logging@17.0.15"]))).toBe(false);
  });
});
