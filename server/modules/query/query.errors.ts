/**
 * Console errors
 * ==============
 *
 * The console's refusals and failures, each with its HTTP status and stable code, and the translation of Neo4j's
 * errors into them: syntax errors keep Neo4j's message and position, timeouts become 504 instead of 500.
 */
import { Neo4jError } from "neo4j-driver";
import { AppError, translateDbError } from "../../errors.js";

/** A position in the query text, 1-based. */
export interface QueryPosition {
  line: number;
  column: number;
  offset?: number;
}

/** The query would write, administer or leave Parley's database. */
export class ReadOnlyError extends AppError {
  constructor(message: string) {
    super(400, "READ_ONLY", message);
  }
}

/** The query calls a procedure outside the allowlist. */
export class ProcedureNotAllowedError extends AppError {
  constructor(message: string) {
    super(400, "PROCEDURE_NOT_ALLOWED", message);
  }
}

/** Neo4j refused the query (syntax, unknown function, wrong type…); `details.position` says where. */
export class CypherError extends AppError {
  constructor(
    message: string,
    readonly position: QueryPosition | null,
    readonly neo4jCode: string | null = null,
  ) {
    super(400, "CYPHER_ERROR", message, { position, neo4jCode });
  }
}

/** The query text is longer than the console accepts. */
export class QueryTooLongError extends AppError {
  constructor(message: string) {
    super(400, "QUERY_TOO_LONG", message);
  }
}

/** The query ran past its time budget and was stopped. */
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(
      504,
      "QUERY_TIMEOUT",
      `The query was stopped after ${timeoutMs} ms, the console's time limit. Narrow it (a LIMIT, a label, an id) and run it again.`,
    );
  }
}

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** Reads `(line L, column C (offset: O))` from a Neo4j message, shifted back by a prefix of `lineShift` lines. */
export function positionFromMessage(message: string, lineShift = 0, offsetShift = 0): QueryPosition | null {
  const m = POSITION.exec(message);
  if (!m) return null;
  return { line: Number(m[1]) - lineShift, column: Number(m[2]), offset: Math.max(0, Number(m[3]) - offsetShift) };
}

/** Options of `translateQueryError`. */
export interface TranslateOptions {
  timeoutMs: number;
  /** How long the query had run when it failed. */
  elapsedMs: number;
  /** Lines and characters that the server prepended (`EXPLAIN\n`) and that positions must not count. */
  lineShift?: number;
  offsetShift?: number;
}

/** Maps an error of a console query to the console's errors; others go through the app's translation. */
export function translateQueryError(error: unknown, options: TranslateOptions): unknown {
  if (error instanceof AppError) return error;
  if (!(error instanceof Neo4jError)) return translateDbError(error);
  const code = error.code ?? "";
  const message = error.message ?? "";
  if (
    /TimedOut/i.test(code) ||
    /timed out|timeout/i.test(message) ||
    (/Terminated/.test(code) && options.elapsedMs >= options.timeoutMs * 0.9)
  ) {
    return new QueryTimeoutError(options.timeoutMs);
  }
  if (
    code === "Neo.ClientError.Statement.AccessMode" ||
    /read access mode/i.test(message) ||
    code.startsWith("Neo.ClientError.Security.")
  ) {
    return new ReadOnlyError(`The console is read-only: Neo4j refused the query (${firstLine(message)}).`);
  }
  if (code.startsWith("Neo.ClientError.") || /MemoryPool|OutOfMemory/.test(code)) {
    const position = positionFromMessage(message, options.lineShift ?? 0, options.offsetShift ?? 0);
    const text = fixPositions(message, options.lineShift ?? 0, options.offsetShift ?? 0);
    return new CypherError(text, position, code);
  }
  return translateDbError(error);
}

/** Rewrites every `(line L, column C (offset: O))` of a message for the text as the user wrote it. */
function fixPositions(message: string, lineShift: number, offsetShift: number): string {
  if (lineShift === 0 && offsetShift === 0) return message;
  return message.replace(
    new RegExp(POSITION.source, "g"),
    (_m, line: string, column: string, offset: string) =>
      `(line ${Number(line) - lineShift}, column ${column} (offset: ${Math.max(0, Number(offset) - offsetShift)}))`,
  );
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
