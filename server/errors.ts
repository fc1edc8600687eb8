/**
 * Errors
 * ======
 *
 * Every error class of the server, in one place: the API's errors with their HTTP status and a stable code (the
 * common ones, then those of curation, snapshots, imports and the console), the translation of Neo4j's errors into
 * them, the one JSON error handler, and the errors of start-up that never reach HTTP. Bodies have the shape
 * `{"error":{"code","message","requestId"}}`; stacks and Neo4j internals are logged, never sent.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { isRetryableError, Neo4jError } from "neo4j-driver";
import type { Logger } from "./log.js";
import type { ImportIssue } from "./modules/ingest/import.validate.js";
import type { QueryPosition } from "../contracts/query.js";

/* ----------------------------------------------------------------------------------------------------------------
 * The API's errors: status, code, message (and details the client may read)
 * -------------------------------------------------------------------------------------------------------------- */

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, "VALIDATION_ERROR", message, details);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, "NOT_FOUND", message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, "FORBIDDEN", message);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(413, "PAYLOAD_TOO_LARGE", message);
  }
}
/** A page or feed Parley was asked to fetch did not give a usable answer (the remote site's fault, not the request's). */
export class FetchFailedError extends AppError {
  constructor(message: string) {
    super(502, "FETCH_FAILED", message);
  }
}
export class UnavailableError extends AppError {
  constructor(message = "The database is not reachable right now; retry in a few seconds.") {
    super(503, "DB_UNAVAILABLE", message);
  }
}

export class NotReadyError extends AppError {
  constructor(phase: string) {
    super(
      503,
      "DB_NOT_READY",
      `The database is being prepared (${phase}); writes are accepted once it is ready. Retry in a few seconds.`,
    );
  }
}

/** 401: a write from another machine without a valid admin token. */
export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super(401, "UNAUTHORIZED", message);
  }
}

/** 415: the body is not JSON. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super(415, "UNSUPPORTED_MEDIA_TYPE", message);
  }
}

/** 429: the client sent more requests than its budget; `retryAfterSeconds` goes into Retry-After. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "RATE_LIMITED", message);
  }
}

/** 409: the request conflicts with the current state (e.g. a later change touches what a revert would undo). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, "CONFLICT", message);
  }
}

/** 410: the snapshot existed and was taken down; its link says so instead of a bare 404. */
export class GoneError extends AppError {
  constructor(message: string, details?: unknown) {
    super(410, "GONE", message, details);
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Imports and restore
 * -------------------------------------------------------------------------------------------------------------- */

/** 400: the import file has problems, every one named with its path (`issues`); nothing was written. */
export class ImportValidationError extends ValidationError {
  constructor(readonly issues: ImportIssue[]) {
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join("; ");
    super(
      `The import was rejected and nothing was written (${issues.length} problem${issues.length === 1 ? "" : "s"}): ${head}`,
      issues,
    );
  }
}

/** Refused: restore only loads into an empty database. */
export class DatabaseNotEmptyError extends ValidationError {}

/** Another import holds the staging slot: this one wrote nothing. */
export class ImportInProgressError extends AppError {
  constructor() {
    super(
      409,
      "IMPORT_IN_PROGRESS",
      "Another large import is being staged right now; this one was not started and wrote nothing. Load the file again when that import has finished (a minute or two per million links).",
    );
  }
}

/**
 * Thrown when a staged import failed and was rolled back; nothing of it is visible. An API caller gets the cause's
 * status (503 when the database was unavailable or out of memory) and a message that says what happened.
 */
export class StagedImportError extends AppError {
  constructor(
    readonly importId: string,
    cause: unknown,
  ) {
    const translated = translateDbError(cause);
    super(
      translated instanceof AppError ? translated.status : 500,
      "IMPORT_ROLLED_BACK",
      `The import was rolled back and nothing was written: ${failureCause(translated)}`,
    );
    this.cause = cause;
  }
}

/**
 * What made an import fail, in words a user can act on: an application error's own message; for a database
 * error, its Neo4j code and message without Neo4j's internal node ids (`Node(4711)`), so the cause is named without
 * exposing internals; otherwise the error's message.
 */
export function failureCause(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);
  if (error instanceof Neo4jError) {
    const message = error.message.split("\n")[0]!.replace(/\bNode\(\d+\)/g, "a node");
    return clip(`the database refused a write (${error.code}): ${message}`);
  }
  if (error instanceof Error && error.message) return clip(error.message);
  return "an unexpected error; the server log has the details.";
}

/* ----------------------------------------------------------------------------------------------------------------
 * The console (POST /api/query): its refusals and failures, and Neo4j's errors translated into them; syntax errors
 * keep Neo4j's message and position, timeouts become 504 instead of 500
 * -------------------------------------------------------------------------------------------------------------- */

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

/* ----------------------------------------------------------------------------------------------------------------
 * Neo4j's errors at the repository edge
 * -------------------------------------------------------------------------------------------------------------- */

/** Neo4j's code for a transaction it rolled back to break a deadlock (transient: running it again may succeed). */
export const DEADLOCK_CODE = "Neo.TransientError.Transaction.DeadlockDetected";

/** Neo4j error codes that mean "the database is not there right now". */
function isUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    return (
      error.code === "ServiceUnavailable" ||
      error.code === "SessionExpired" ||
      error.code.startsWith("Neo.TransientError.General.DatabaseUnavailable") ||
      isRetryableError(error)
    );
  }
  return false;
}

/** Maps driver errors to application errors at the repository edge. */
export function translateDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  let unavailable: UnavailableError | null = null;
  // Retryable in the driver's eyes, but retrying the same big write never helps: say what does.
  if (error instanceof Neo4jError && /MemoryPoolOutOfMemoryError|TransactionMemoryLimit/.test(error.code)) {
    unavailable = new UnavailableError(
      "Neo4j ran out of transaction memory for this write. Raise its heap (PARLEY_NEO4J_HEAP, e.g. 8g for a million links; 70 % of it is allowed for transactions) or split the file.",
    );
  } else if (error instanceof Neo4jError && error.code === DEADLOCK_CODE) {
    unavailable = new UnavailableError(
      "Another write held the same records (a deadlock) and running this one again did not get through; retry in a few seconds, or import big files one at a time.",
    );
  } else if (isUnavailable(error)) unavailable = new UnavailableError();
  if (unavailable) {
    // The driver's error stays as the cause, for the server log.
    unavailable.cause = error;
    return unavailable;
  }
  // A read that hit the transaction timeout (a cold or overloaded database) is worth retrying, not a server bug.
  if (
    error instanceof Neo4jError &&
    /TransactionTimedOut|Transaction\.Terminated|TransactionTimedOutClientConfiguration/.test(error.code)
  ) {
    return new UnavailableError("The database took too long to answer; retry in a few seconds.");
  }
  return error;
}

/* ----------------------------------------------------------------------------------------------------------------
 * The JSON error handler (last), and the JSON 404 before it
 * -------------------------------------------------------------------------------------------------------------- */

/** JSON 404 for unknown API routes. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new NotFoundError(
      `No route for ${req.method} ${req.originalUrl.split("?")[0]}. The API is described at /api/openapi.json.`,
    ),
  );
};

/** The last middleware: one error shape for everything. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (rawError, req, res, _next) => {
    const error = translateDbError(rawError);
    const requestId = String(res.locals.requestId ?? "");
    let status = 500;
    let body: { code: string; message: string; details?: unknown };
    if (error instanceof AppError) {
      status = error.status;
      body = {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      };
    } else if (isBodyParserError(error)) {
      status = error.status;
      body =
        error.type === "entity.too.large"
          ? {
              code: "PAYLOAD_TOO_LARGE",
              message: `The request body is larger than this endpoint accepts (${error.limit} bytes).`,
            }
          : { code: "BAD_REQUEST", message: "The request body is not valid JSON." };
    } else {
      body = {
        code: "INTERNAL",
        message: "Something went wrong on the server; the request id helps find it in the logs.",
      };
    }
    if (status >= 500) log.error("request failed", { requestId, method: req.method, path: req.path, error: rawError });
    if (res.headersSent) return;
    if (status === 503) res.setHeader("Retry-After", "5");
    res.status(status).json({ error: { ...body, requestId } });
  };
}

interface BodyParserError {
  status: number;
  type: string;
  limit?: number;
}
function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === "object" &&
    error !== null &&
    "type" in error &&
    "status" in error &&
    typeof (error as BodyParserError).status === "number"
  );
}

/* ----------------------------------------------------------------------------------------------------------------
 * Errors that never reach HTTP: start-up, the embedded database, the console's lexer
 * -------------------------------------------------------------------------------------------------------------- */

/** Thrown with every problem of the environment at once. */
/** Carries a rolled-back transaction's answer out of it (Database.rolledBackTx); never retried by the driver. */
export class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super("rolled back on purpose");
  }
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Thrown when the machine lacks what the embedded database needs; the message lists the ways out. */
export class MissingPrerequisiteError extends Error {
  constructor(what: string) {
    super(
      `${what}\n` +
        "Parley needs a Neo4j 5 database. Pick one of:\n" +
        "  1. install Java 17+ (a JDK) and Maven, e.g. `sudo apt-get install openjdk-17-jdk-headless maven`, then `npm start` again;\n" +
        "  2. run `docker compose up` (Neo4j and Parley in containers);\n" +
        "  3. point Parley at an existing server: NEO4J_URI=neo4j://host:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=… npm start",
    );
    this.name = "MissingPrerequisiteError";
  }
}

/** Thrown by the lexer for text it cannot read (an unterminated string, comment or backtick). */
export class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "LexError";
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Articles and web pages: text that cannot be read, fetches that fail, pages and feeds without what was sought
 * -------------------------------------------------------------------------------------------------------------- */

/** Why an article file cannot be read as an article. */
export class ArticleInputError extends Error {
  constructor(
    readonly file: string,
    /** The reason without the file name, for pasted text that has none of its own. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ArticleInputError";
  }
}

/** Why a fetch failed: a closed set, so callers (and tests) can tell a refusal from a failure of the remote site. */
export const FETCH_FAILURES = [
  "bad-url",
  "blocked-address",
  "timeout",
  "too-large",
  "bad-content-type",
  "too-many-redirects",
  "http-status",
  "host-budget",
  "network",
] as const;
export type FetchFailure = (typeof FETCH_FAILURES)[number];

/** A fetch that did not give a usable body; the message names the URL and what to do. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly failure: FetchFailure,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/** Marks the error a guarded lookup raises, so the fetch can report it as a refusal rather than a network error. */
export class BlockedLookupError extends Error {
  constructor(
    readonly address: string,
    readonly why: string,
  ) {
    super(`blocked: ${address} is ${why}`);
  }
}

/** A page in which no article text was found (a home page, a video page, a paywall). */
export class NoArticleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoArticleError";
  }
}

/** A feed that cannot be read; the message says why. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedError";
  }
}
