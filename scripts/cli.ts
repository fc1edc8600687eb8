/**
 * Command-line surface shared by the scripts
 * ==========================================
 *
 * One way for every `npm run …` script to read its arguments: `--help` (or `-h`) prints the usage on stdout and
 * exits 0; an unknown option, a missing value or a stray argument prints one line on stderr and exits 2; an error
 * that nothing else caught prints one line (`name: message`) and exits 1, with the stack only when
 * LOG_LEVEL=debug. Stdout stays for the command's output (JSON for `--json`), so `| jq` and `> file` work.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

const HELP = { help: { type: "boolean", short: "h" } } as const;

export interface CliSpec<O extends ParseArgsOptionsConfig> {
  /** The npm script's name, which starts every message (`gen: …`). */
  name: string;
  /** The usage text printed by --help: first line `usage: …`, then one line per option. */
  usage: string;
  options: O;
  /** Whether file names and such may follow the options. */
  positionals?: boolean;
}

/** Prints one line for `name` on stderr and exits with `code`. */
export function exitWith(name: string, message: string, code = 2): never {
  process.stderr.write(`${name}: ${message}\n`);
  process.exit(code);
}

/**
 * Parses `process.argv` strictly, answering --help and bad options itself, and installs the one-line handler for
 * uncaught errors. Call it first, before the script does anything (start a database, build, write a file).
 */
export function parseCli<O extends ParseArgsOptionsConfig>(
  spec: CliSpec<O>,
): ReturnType<typeof parseArgs<{ options: O & typeof HELP; allowPositionals: boolean; strict: true }>> {
  handleUncaughtErrors(spec.name);
  const usage = spec.usage.endsWith("\n") ? spec.usage : `${spec.usage}\n`;
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { ...spec.options, ...HELP } as O & typeof HELP,
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    // node:util's messages name the option; the hint says where the full list is.
    const message = (error as Error).message
      .split("\n")[0]!
      .replace(/\. To specify a positional argument.*$/, "")
      .replace(/\.$/, "");
    exitWith(spec.name, `${message}; --help shows the usage`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return parsed;
}

/** Reads an option as a whole number in [min, max], or exits naming it. */
export function integerOption(name: string, option: string, value: string | undefined, min = 0, max = Infinity) {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    exitWith(
      name,
      `--${option} must be a whole number${max < Infinity ? ` from ${min} to ${max}` : ` of at least ${min}`} (got "${value ?? ""}")`,
    );
  }
  return n;
}

let installed = false;

/** Uncaught errors and rejections end the script with `name: message` on one line, not a stack trace. */
export function handleUncaughtErrors(name: string): void {
  if (installed) return;
  installed = true;
  const report = (error: unknown) => {
    // The reader of our stdout went away (`| head`): nothing more to say, and nobody to say it to.
    if ((error as NodeJS.ErrnoException | null)?.code === "EPIPE") process.exit(0);
    const debug = process.env.LOG_LEVEL === "debug";
    const text = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    process.stderr.write(`${name}: ${debug ? text : text.split("\n")[0]}\n`);
    process.exit(1);
  };
  process.on("uncaughtException", report);
  process.on("unhandledRejection", report);
}

/**
 * Keeps stdout for the command's answer: from now on, whatever else writes to stdout (a library's progress, a
 * build's coloured log, a stray console.log) goes to stderr; the returned function writes to the real stdout.
 * Child processes that inherit file descriptor 1 are not covered: spawn them with stdout piped or ignored.
 */
export function reserveStdout(): (text: string) => void {
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return (text) => {
    original(text);
  };
}
