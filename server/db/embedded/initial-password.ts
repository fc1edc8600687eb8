/**
 * The embedded Neo4j's first password
 * ===================================
 *
 * Generates the `neo4j` user's password and hands it to Neo4j's admin tool before the very first start, so that a
 * first setup cannot break for good: the password comes from letters and digits only (never a leading "-", nothing
 * a shell or an option parser reads), reaches the tool through an argument file after `--` (never read as an option,
 * never on a command line that `ps` shows), is never printed, and is written to `<home>/password` only once the tool
 * has succeeded. A failed setup leaves nothing behind, so the next start simply tries again.
 */
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Letters and digits: safe in a shell, a URL, a conf file and an argument file, and never an option. */
export const PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const PASSWORD_LENGTH = 32;

/** A fresh password: PASSWORD_LENGTH characters of PASSWORD_ALPHABET, uniformly drawn (about 190 bits). */
export function generatePassword(): string {
  let password = "";
  for (let i = 0; i < PASSWORD_LENGTH; i++) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

/** Runs `neo4j-admin` with these arguments (after `dbms set-initial-password`); rejects when it fails. */
export type AdminToolRunner = (args: string[]) => Promise<void>;

/** Replaces every occurrence of the secret, so that an error message can be shown and logged. */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("«password»") : text;
}

/** True once Neo4j has started on this home at least once: its initial password can no longer be set. */
export function isInitialised(homeDir: string): boolean {
  return existsSync(path.join(homeDir, "data", "databases", "system"));
}

/**
 * Returns the password of the embedded database in `homeDir`, setting it first when the database has never
 * started. The password file is written (atomically, mode 0600) only after the admin tool succeeded; if anything
 * fails, the tool's pending password (`data/dbms/auth.ini`) is removed as well, and the error names no password.
 */
export async function ensureInitialPassword(options: {
  homeDir: string;
  runAdminTool: AdminToolRunner;
  generate?: () => string;
}): Promise<string> {
  const { homeDir, runAdminTool } = options;
  const file = path.join(homeDir, "password");
  const stored = existsSync(file) ? (await readFile(file, "utf8")).trim() : null;
  if (isInitialised(homeDir)) {
    if (stored) return stored;
    throw new Error(
      `The embedded Neo4j in ${homeDir} was initialised, but its password file (${file}) is missing. ` +
        `Restore that file, or delete ${homeDir} to start with an empty database.`,
    );
  }
  // A password file without a database is the one a finished setup wrote before Neo4j first ran: set it again.
  const password = stored ?? (options.generate ?? generatePassword)();
  const argumentFile = path.join(homeDir, `.initial-password-args-${process.pid}`);
  const pendingAuth = path.join(homeDir, "data", "dbms", "auth.ini");
  const partial = `${file}.partial-${process.pid}`;
  try {
    // picocli (Neo4j's option parser) expands @file into its lines; `--` ends the options, so even a password
    // from an older install that begins with "-" is read as the password.
    await writeFile(argumentFile, `--\n${password}\n`, { mode: 0o600 });
    await runAdminTool([`@${argumentFile}`]);
    if (stored === null) {
      await writeFile(partial, `${password}\n`, { mode: 0o600 });
      await chmod(partial, 0o600);
      await rename(partial, file);
    }
    return password;
  } catch (error) {
    await rm(pendingAuth, { force: true });
    await rm(partial, { force: true });
    const reason = redact(error instanceof Error ? error.message : String(error), password);
    // No `cause`: the original error may hold the password, and loggers print causes.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Setting the embedded Neo4j's initial password failed; the next start will try again. ${reason}`);
  } finally {
    await rm(argumentFile, { force: true });
  }
}
