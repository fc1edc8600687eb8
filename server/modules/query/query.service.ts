/**
 * Console service
 * ===============
 *
 * The safe path every console query takes: the static guard (one statement, no writes, allowlisted procedures),
 * then Neo4j's own plan (EXPLAIN: the query type must be `r`, every planned procedure allowlisted, no LOAD CSV),
 * then the run in a READ transaction with the configured timeout and row cap. Saved questions take the same path.
 */
import neo4j from "neo4j-driver";
import type { QueryNotification, QueryResultDto, QuerySchemaDto, SavedQuestionDto } from "../../../contracts/query.js";
import type { Database } from "../../db/database.js";
import {
  CypherError,
  NotFoundError,
  ProcedureNotAllowedError,
  QueryTooLongError,
  ReadOnlyError,
} from "../../errors.js";
import { ALLOWED_PROCEDURES, checkQuery, isAllowedProcedure } from "./query.guard.js";
import { planQuery, readSchema, runQuery } from "./query.repository.js";
import { findSavedQuestion, listSavedQuestions, savedParams } from "./saved.loader.js";

/** The console's bounds (from config.query). */
export interface QueryLimits {
  timeoutMs: number;
  maxRows: number;
}

/** Plan operators that read or write outside the graph, refused even if the query type were to say `r`. */
const FORBIDDEN_OPERATORS = new Map([
  ["LoadCSV", "LOAD CSV reads files or URLs from the server"],
  ["TransactionForeach", "CALL {} IN TRANSACTIONS commits on its own"],
  ["TransactionApply", "CALL {} IN TRANSACTIONS commits on its own"],
]);

const QUERY_TYPES: Record<string, string> = { r: "read", rw: "read-write", w: "write", s: "schema" };

/** Checks, plans and runs one console query. */
export async function runConsoleQuery(
  db: Database,
  limits: QueryLimits,
  query: string,
  rawParams: Record<string, unknown>,
): Promise<QueryResultDto> {
  const started = performance.now();
  const rejection = checkQuery(query);
  if (rejection) {
    if (rejection.code === "READ_ONLY") throw new ReadOnlyError(rejection.message);
    if (rejection.code === "PROCEDURE_NOT_ALLOWED") throw new ProcedureNotAllowedError(rejection.message);
    if (rejection.code === "QUERY_TOO_LONG") throw new QueryTooLongError(rejection.message);
    throw new CypherError(rejection.message, rejection.position ?? null);
  }
  const params = toDriverParams(rawParams) as Record<string, unknown>;

  const plan = await planQuery(db, query, params, limits.timeoutMs);
  if (plan.queryType !== "r") {
    const kind = QUERY_TYPES[plan.queryType] ?? plan.queryType;
    throw new ReadOnlyError(
      `The console is read-only: Neo4j plans this as a ${kind} query (type "${plan.queryType}"), and only read queries run here.`,
    );
  }
  for (const operator of plan.operators) {
    const reason = FORBIDDEN_OPERATORS.get(operator);
    if (reason) throw new ReadOnlyError(`The console is read-only: ${reason}.`);
  }
  for (const procedure of plan.procedures) {
    if (!isAllowedProcedure(procedure)) {
      throw new ProcedureNotAllowedError(
        `The procedure ${procedure} is not allowed in the console; allowed: ${ALLOWED_PROCEDURES.join(", ")}.`,
      );
    }
  }

  const run = await runQuery(db, query, params, limits);
  return {
    columns: run.columns,
    rows: run.rows,
    graph: run.graph,
    truncated: run.truncated,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    notifications: dedupe([...plan.notifications, ...run.notifications]),
  };
}

/** Runs a saved question with its defaults merged under the given values. */
export async function runSavedQuestion(
  db: Database,
  limits: QueryLimits,
  name: string,
  given: Record<string, unknown>,
): Promise<QueryResultDto> {
  const question = findSavedQuestion(name);
  if (!question) throw new NotFoundError(`No saved question named ${name}; GET /api/saved lists them.`);
  // Saved params are already typed (integers as Neo4j integers); they go through the same checks as the console's.
  const params = savedParams(question, given);
  return runConsoleQuery(db, limits, question.query, params);
}

/** The saved questions, for the console's list. */
export function savedQuestions(): SavedQuestionDto[] {
  return listSavedQuestions();
}

/** Labels, relationship types and property keys for autocompletion. */
export function querySchema(db: Database, limits: QueryLimits): Promise<QuerySchemaDto> {
  return readSchema(db, limits.timeoutMs);
}

/**
 * JSON parameters as the driver should send them: whole numbers become Neo4j integers (so `LIMIT $n` and
 * `range(1, $n)` work), everything else stays as is.
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverParams(v)]));
  }
  return value;
}

function dedupe(notifications: QueryNotification[]): QueryNotification[] {
  const seen = new Set<string>();
  return notifications.filter((n) => {
    const key = `${n.code}|${n.position?.line}|${n.position?.column}|${n.description}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
