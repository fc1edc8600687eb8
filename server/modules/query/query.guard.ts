/**
 * Read-only guard
 * ===============
 *
 * A small Cypher lexer and the static checks the console runs before asking Neo4j anything: one statement, no
 * write or admin clauses, no LOAD CSV, no `CALL {} IN TRANSACTIONS`, no `USE`, and procedures only from the
 * allowlist. It is the first of three walls (then the EXPLAIN plan's query type, then a READ transaction), so it
 * errs on the side of refusing: strings and comments are skipped, so keywords inside them never count, but a
 * keyword anywhere else does.
 */
import { MAX_QUERY_LENGTH } from "../../../contracts/query.js";
import { LexError } from "../../errors.js";

/** Procedures the console may call: schema introspection and full-text search, all read-only. */
export const ALLOWED_PROCEDURES = [
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
] as const;

const ALLOWED = new Set<string>(ALLOWED_PROCEDURES.map((p) => p.toLowerCase()));

// ---------------------------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------------------------

export type TokenKind = "word" | "quoted" | "string" | "number" | "param" | "punct";

/** A lexical token; `value` is the unescaped name for backticked identifiers. */
export interface Token {
  kind: TokenKind;
  value: string;
  /** Offset in the text (UTF-16 units). */
  offset: number;
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_PART = /[\p{ID_Continue}_$\u200c\u200d]/u;
// Cypher treats every Unicode space separator (and a few more) as whitespace, not only ASCII ones.
const SPACE = /[\s\p{Zs}\u200b\u2028\u2029\ufeff\u00a0\u180e]/u;

/**
 * Splits Cypher into tokens, skipping whitespace and comments and keeping string literals as single tokens, so
 * that a keyword is only ever seen where Neo4j would parse one.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new LexError("a /* comment is never closed", i);
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = i;
      i++;
      while (i < n && text[i] !== c) i += text[i] === "\\" ? 2 : 1;
      if (i >= n) throw new LexError("a string is never closed", start);
      i++;
      tokens.push({ kind: "string", value: text.slice(start, i), offset: start });
      continue;
    }
    if (c === "`") {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= n) throw new LexError("a `quoted name` is never closed", start);
        if (text[i] === "`") {
          // A doubled backtick is an escaped backtick inside the name.
          if (text[i + 1] === "`") {
            value += "`";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: "quoted", value, offset: start });
      continue;
    }
    if (c === "$") {
      const start = i;
      i++;
      if (text[i] === "`") {
        const end = text.indexOf("`", i + 1);
        if (end < 0) throw new LexError("a `quoted name` is never closed", i);
        i = end + 1;
      } else {
        while (i < n && ID_PART.test(text[i]!)) i++;
      }
      tokens.push({ kind: "param", value: text.slice(start, i), offset: start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const start = i;
      while (i < n && /[0-9a-zA-Z_.]/.test(text[i]!)) {
        // `1..3` in a variable-length pattern: stop before the range dots.
        if (text[i] === "." && text[i + 1] === ".") break;
        i++;
      }
      tokens.push({ kind: "number", value: text.slice(start, i), offset: start });
      continue;
    }
    if (ID_START.test(c)) {
      const start = i;
      i++;
      while (i < n && ID_PART.test(text[i]!)) i++;
      tokens.push({ kind: "word", value: text.slice(start, i), offset: start });
      continue;
    }
    tokens.push({ kind: "punct", value: c, offset: i });
    i++;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------------

/** Why a query was refused: `READ_ONLY` for writes and admin, `PROCEDURE_NOT_ALLOWED` for other procedures. */
export interface GuardRejection {
  code: "READ_ONLY" | "PROCEDURE_NOT_ALLOWED" | "CYPHER_ERROR" | "QUERY_TOO_LONG";
  message: string;
  /** Where the problem is, when known (1-based). */
  position?: { line: number; column: number };
}

/** Clauses that write data or schema, or administer the server; each refused wherever it appears as a keyword. */
const FORBIDDEN: Record<string, string> = {
  CREATE: "CREATE writes data or schema",
  MERGE: "MERGE writes data",
  SET: "SET writes properties or labels",
  DELETE: "DELETE removes data",
  DETACH: "DETACH DELETE removes data",
  REMOVE: "REMOVE deletes properties or labels",
  FOREACH: "FOREACH is only useful for writing",
  DROP: "DROP changes the schema or the server",
  ALTER: "ALTER administers the server",
  GRANT: "GRANT administers users and roles",
  DENY: "DENY administers users and roles",
  REVOKE: "REVOKE administers users and roles",
  START: "START administers databases",
  STOP: "STOP administers databases",
  TERMINATE: "TERMINATE administers transactions",
  SHOW: "SHOW commands administer the server (use db.labels() and friends for the schema)",
  ENABLE: "ENABLE administers servers",
  DEALLOCATE: "DEALLOCATE administers servers",
  REALLOCATE: "REALLOCATE administers servers",
  RENAME: "RENAME administers the server",
  USE: "USE switches to another database; the console reads Parley's database only",
  TRANSACTIONS: "CALL {} IN TRANSACTIONS commits on its own and is only useful for writing",
  LOAD: "LOAD CSV reads files or URLs from the server",
  PROFILE: "PROFILE runs the query outside the console's checks; the console plans every query itself",
  EXPLAIN: "EXPLAIN prefixes are not accepted; the console plans every query itself",
  CYPHER: "query options (the CYPHER prefix) could change how the query runs and are not accepted",
  PERIODIC: "USING PERIODIC COMMIT writes data",
  IMPORT: "LOAD CSV and imports are not accepted",
  INSERT: "INSERT writes data",
};

/**
 * A word is a keyword unless it is clearly a name: a property key (`n.set`), a label or type (`:Set`), a map key
 * or variable followed by a colon (`{delete: 1}`, `(create:Person)`). Backticked names never count.
 */
function isKeywordPosition(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.kind === "punct" && (prev.value === "." || prev.value === ":")) return false;
  if (next?.kind === "punct" && next.value === ":") return false;
  return true;
}

/** The dotted procedure name after `CALL` at index `i`, or null for a subquery (`CALL {`, `CALL (x) {`). */
function procedureNameAt(tokens: Token[], i: number): { name: string; end: number } | null {
  let j = i + 1;
  const first = tokens[j];
  if (!first || first.kind === "punct") return null;
  const parts: string[] = [];
  while (tokens[j] && (tokens[j]!.kind === "word" || tokens[j]!.kind === "quoted")) {
    parts.push(tokens[j]!.value);
    if (tokens[j + 1]?.kind === "punct" && tokens[j + 1]!.value === "." && tokens[j + 2]) {
      j += 2;
      continue;
    }
    break;
  }
  return { name: parts.join("."), end: j };
}

/** Returns the procedures a query calls, by dotted name, as written. */
export function calledProcedures(tokens: Token[]): string[] {
  const names: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "word" && t.value.toUpperCase() === "CALL" && isKeywordPosition(tokens, i)) {
      const proc = procedureNameAt(tokens, i);
      if (proc) names.push(proc.name);
    }
  });
  return names;
}

/** True when the procedure may be called from the console. */
export function isAllowedProcedure(name: string): boolean {
  return ALLOWED.has(name.toLowerCase());
}

/** Checks one text; returns the first reason to refuse it, or null. */
function checkText(text: string): GuardRejection | null {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof LexError) {
      const position = positionOf(text, error.offset);
      return {
        code: "CYPHER_ERROR",
        message: `The query cannot be read: ${error.message} (line ${position.line}, column ${position.column}).`,
        position,
      };
    }
    throw error;
  }
  if (tokens.length === 0)
    return {
      code: "CYPHER_ERROR",
      message: "The query is empty: write a Cypher query such as MATCH (n:Person) RETURN n LIMIT 10.",
    };

  // One statement: a single trailing semicolon is tolerated, any other one separates statements.
  const semis = tokens.map((t, i) => (t.kind === "punct" && t.value === ";" ? i : -1)).filter((i) => i >= 0);
  if (semis.some((i) => i !== tokens.length - 1)) {
    return { code: "READ_ONLY", message: "Only one statement per query: remove the `;` and what follows it." };
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || !isKeywordPosition(tokens, i)) continue;
    const word = t.value.toUpperCase();
    const reason = FORBIDDEN[word];
    if (reason) return { code: "READ_ONLY", message: `The console is read-only: ${reason}.` };
  }

  for (const name of calledProcedures(tokens)) {
    if (!isAllowedProcedure(name)) {
      return {
        code: "PROCEDURE_NOT_ALLOWED",
        message: `The procedure ${name || "(unnamed)"} is not allowed in the console; allowed: ${ALLOWED_PROCEDURES.join(", ")}.`,
      };
    }
  }
  return null;
}

/**
 * Checks a query before it reaches Neo4j; returns why it is refused, or null when it may be planned. The text is
 * checked as written and again after Unicode compatibility folding (NFKC), so full-width or styled letters that
 * spell a keyword are refused too.
 */
export function checkQuery(query: string): GuardRejection | null {
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      code: "QUERY_TOO_LONG",
      message: `The query is ${query.length} characters long; the console accepts at most ${MAX_QUERY_LENGTH}.`,
    };
  }
  const raw = checkText(query);
  if (raw) return raw;
  const folded = query.normalize("NFKC");
  if (folded !== query) {
    const again = checkText(folded);
    // A folded text that no longer lexes is not a threat in itself: Neo4j reads the raw text, which passed.
    if (again && again.code !== "CYPHER_ERROR") return again;
  }
  return null;
}

/** 1-based line and column of a UTF-16 offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
