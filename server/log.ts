/**
 * Structured logging
 * ==================
 *
 * One JSON object per line (easy to ship to any log store), or a short human line when writing to a terminal.
 * Errors keep their stack here, never in HTTP bodies.
 */

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Creates a logger writing to stderr (stdout stays free for command output such as JSON). */
export function createLogger(level: LogLevel = "info", bindings: Fields = {}, pretty = process.stderr.isTTY): Logger {
  const write = (lvl: Exclude<LogLevel, "silent">, message: string, fields?: Fields) => {
    if (RANK[lvl] < RANK[level]) return;
    const record: Fields = { time: new Date().toISOString(), level: lvl, msg: message, ...bindings, ...fields };
    for (const [key, value] of Object.entries(record)) {
      if (value instanceof Error) record[key] = { name: value.name, message: value.message, stack: value.stack };
    }
    if (pretty) {
      const extra = Object.entries({ ...bindings, ...fields })
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v instanceof Error ? v.message : v)}`)
        .join(" ");
      process.stderr.write(`${lvl.padEnd(5)} ${message}${extra ? `  ${extra}` : ""}\n`);
    } else {
      process.stderr.write(`${JSON.stringify(record)}\n`);
    }
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (more) => createLogger(level, { ...bindings, ...more }, pretty),
  };
}
