/**
 * Console repository
 * ==================
 *
 * Plans and runs console queries on Neo4j, always in READ sessions through `executeRead` with a per-query
 * timeout: `planQuery` asks for the EXPLAIN plan (query type, procedures, operators) without running anything;
 * `runQuery` streams at most `maxRows` records and then discards the rest on the server.
 */
import neo4j, {
  type ManagedTransaction,
  type Node,
  type Notification,
  type Plan,
  type Relationship,
} from "neo4j-driver";
import type { CellValue, QueryNotification, QuerySchemaDto } from "../../../contracts/query.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { QueryTimeoutError, translateQueryError } from "../../errors.js";
import { ResultMapper } from "./query.mapper.js";

/** What the plan says about a query. */
export interface QueryPlan {
  /** `r`, `rw`, `w` or `s` (schema). */
  queryType: string;
  /** Procedures the plan calls, by name. */
  procedures: string[];
  /** Operator names without their runtime suffix (`ProcedureCall`, `LoadCSV`, `Create`…). */
  operators: string[];
  notifications: QueryNotification[];
}

/** A run's rows and graph, before timing is added. */
export interface QueryRun {
  columns: string[];
  rows: CellValue[][];
  graph: ReturnType<ResultMapper["graph"]>;
  truncated: boolean;
  notifications: QueryNotification[];
}

export interface RunLimits {
  timeoutMs: number;
  maxRows: number;
}

/** Prepended to plan without running; positions in Neo4j's messages are shifted back by it. */
const EXPLAIN_PREFIX = "EXPLAIN\n";

/** Plans a query with EXPLAIN in a read transaction: nothing runs, nothing is written. */
export async function planQuery(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<QueryPlan> {
  const started = Date.now();
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  try {
    const summary = await withBackstop(
      session.executeRead(async (tx) => (await tx.run(EXPLAIN_PREFIX + query, params)).summary, { timeout: timeoutMs }),
      timeoutMs,
    );
    const operators: string[] = [];
    const procedures: string[] = [];
    if (summary.plan) walkPlan(summary.plan, operators, procedures);
    return {
      queryType: summary.queryType,
      procedures,
      operators,
      notifications: summary.notifications.map((n) => toNotification(n, 1)),
    };
  } catch (error) {
    throw translateQueryError(error, {
      timeoutMs,
      elapsedMs: Date.now() - started,
      lineShift: 1,
      offsetShift: EXPLAIN_PREFIX.length,
    });
  } finally {
    void session.close().catch(() => undefined);
  }
}

/** Runs a (checked) query in a READ transaction and maps at most `maxRows` records. */
export async function runQuery(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  limits: RunLimits,
): Promise<QueryRun> {
  const started = Date.now();
  // Fetch in batches just past the cap, so a huge result is never pulled in full: the rest is discarded.
  const session = db.driver.session({
    database: db.name,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: Math.min(limits.maxRows + 1, 1_000),
  });
  try {
    return await withBackstop(
      session.executeRead((tx) => collect(tx, query, params, limits.maxRows), { timeout: limits.timeoutMs }),
      limits.timeoutMs,
    );
  } catch (error) {
    throw translateQueryError(error, { timeoutMs: limits.timeoutMs, elapsedMs: Date.now() - started });
  } finally {
    void session.close().catch(() => undefined);
  }
}

/** Above this many entities in a result, no links are added among them (the drawing would be a hairball anyway). */
const LINKS_AMONG_MAX_NODES = 500;
/** Links added among a result's entities at most. */
const LINKS_AMONG_MAX = 5_000;

async function collect(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  maxRows: number,
): Promise<QueryRun> {
  // A retried transaction starts over with a fresh mapper.
  const mapper = new ResultMapper();
  const result = tx.run(query, params);
  const columns = await result.keys();
  const rows: CellValue[][] = [];
  let truncated = false;
  for await (const record of result) {
    if (rows.length >= maxRows) {
      truncated = true;
      break;
    }
    rows.push(columns.map((c) => mapper.cell(record.get(c))));
  }
  const summary = truncated ? null : await result.summary();
  const missing = mapper.missingEndpoints();
  if (missing.length > 0) {
    // Relationships returned without their end nodes: fetch those nodes, by element id, in the same transaction.
    const ends = await tx.run<{ n: Node }>(cypher("queries/query/endpoints"), { ids: missing });
    mapper.addEndpoints(ends.records.map((r) => r.get("n")));
  }
  mapper.finish();
  // The links among the entities drawn, so that the rows appear as a network (capped: the drawing's budget).
  const drawn = mapper.elementIds();
  if (drawn.entities.length > 1 && drawn.entities.length <= LINKS_AMONG_MAX_NODES) {
    const links = await tx.run<{ r: Relationship }>(cypher("queries/query/links-among"), {
      ids: drawn.entities,
      known: drawn.relationships,
      limit: neo4j.int(LINKS_AMONG_MAX),
    });
    mapper.addLinksAmong(links.records.map((record) => record.get("r")));
  }
  return {
    columns,
    rows,
    graph: mapper.graph(),
    truncated,
    notifications: summary ? summary.notifications.map((n) => toNotification(n, 0)) : [],
  };
}

/** Labels, relationship types and property keys in use, for the editor's completion. */
export async function readSchema(db: Database, timeoutMs: number): Promise<QuerySchemaDto> {
  return db.readTx(
    async (tx) => {
      // Each query returns one column of names.
      const list = async (query: string) =>
        (await tx.run(query)).records.map((r) => String(r.get(0))).sort((a, b) => a.localeCompare(b));
      return {
        labels: await list(cypher("queries/query/labels")),
        relationshipTypes: await list(cypher("queries/query/relationship-types")),
        propertyKeys: await list(cypher("queries/query/property-keys")),
      };
    },
    { timeoutMs },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function walkPlan(plan: Plan, operators: string[], procedures: string[]): void {
  const operator = plan.operatorType.split("@")[0]!;
  operators.push(operator);
  if (/ProcedureCall/i.test(operator)) {
    const details = String(plan.arguments.Details ?? plan.arguments.Signature ?? "");
    const m = /^\s*([\w.`]+)\s*\(/.exec(details);
    procedures.push(m ? m[1]!.replace(/`/g, "") : details);
  }
  for (const child of plan.children) walkPlan(child, operators, procedures);
}

/** A notification for the user; `lineShift` undoes the EXPLAIN line the server prepended. */
function toNotification(n: Notification, lineShift: number): QueryNotification {
  const position =
    "line" in n.position && n.position.line !== undefined
      ? { line: Number(n.position.line) - lineShift, column: Number(n.position.column) }
      : null;
  return { code: n.code, title: n.title, description: n.description, severity: n.rawSeverityLevel, position };
}

/**
 * Neo4j stops a transaction at its timeout, but a stuck connection must not hold the HTTP request forever: past
 * the timeout plus a grace period, the request fails with QUERY_TIMEOUT and the session closes in the background.
 */
async function withBackstop<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const backstop = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(timeoutMs)), timeoutMs + 3_000);
  });
  try {
    return await Promise.race([work, backstop]);
  } finally {
    clearTimeout(timer);
    // The losing promise must not surface as an unhandled rejection.
    work.catch(() => undefined);
  }
}
