/**
 * Errors
 * ======
 *
 * Error classes with their HTTP status and a stable code, and the one JSON error handler. Bodies have the shape
 * `{"error":{"code","message","requestId"}}`; stacks and Neo4j internals are logged, never sent.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { isRetryableError, Neo4jError } from "neo4j-driver";
import type { Logger } from "./log.js";

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
