/**
 * Import validation
 * =================
 *
 * Checks a parsed import file in full before anything is written: first the zod schema (shapes, vocabularies,
 * real dates), then the references between records (ids, types, cycles, citation offsets, role dates). Every
 * problem comes back as `{ path, message }` with a JSON path such as `$.nodes[3].participants[0].actor`.
 */
import type { z } from "zod";
import { type Citation, type ImportFile, importFileSchema, type ImportNode } from "../../../contracts/import-format.js";
import { ACTOR_TYPES, type DatePrecision, LINK_ENDS, type NodeType } from "../../../contracts/vocabulary.js";

/* ----------------------------------------------------------------------------------------------------------------
 * Types
 * -------------------------------------------------------------------------------------------------------------- */

/** One problem in an import: where (JSON path, or `file:line:column` for CSV) and what was expected. */
export interface ImportIssue {
  path: string;
  message: string;
}

export type ImportValidation = { ok: true; data: ImportFile } | { ok: false; errors: ImportIssue[] };

/** At most this many issues are listed; one more entry then says how many were left out. */
export const MAX_REPORTED_ISSUES = 100;

/** Node types that can take part in events, be parties to agreements and hold roles' offices. */
const PLACE_TYPES = LINK_ENDS.AT.target;
const OFFICE_TYPES = LINK_ENDS.HOLDS_ROLE.target;
const PARENT_TYPES = LINK_ENDS.PART_OF.target;
const COUNTRY_HOLDER_TYPES = LINK_ENDS.IN_COUNTRY.source;

/* ----------------------------------------------------------------------------------------------------------------
 * Issue list with a cap, so a file with a million bad rows still gives a readable answer
 * -------------------------------------------------------------------------------------------------------------- */

class IssueList {
  readonly items: ImportIssue[] = [];
  private omitted = 0;

  add(path: string, message: string): void {
    if (this.items.length < MAX_REPORTED_ISSUES) this.items.push({ path, message });
    else this.omitted++;
  }

  get count(): number {
    return this.items.length + this.omitted;
  }

  result(): ImportIssue[] {
    if (this.omitted === 0) return this.items;
    return [...this.items, { path: "$", message: `${this.omitted} more error(s) not shown` }];
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Entry point
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Validates an import file (already parsed from JSON or built from CSV): schema first, then references.
 * Returns the parsed data with defaults applied, or at most {@link MAX_REPORTED_ISSUES} issues plus a count.
 */
export function validateImport(input: unknown): ImportValidation {
  if (input === undefined || input === null || input === "") {
    return fail([{ path: "$", message: 'the file is empty: expected a JSON object with "format": "parley-import"' }]);
  }
  if (typeof input !== "object" || Array.isArray(input)) {
    const got = Array.isArray(input) ? "an array" : `a ${typeof input}`;
    return fail([{ path: "$", message: `expected a JSON object with "format": "parley-import", got ${got}` }]);
  }
  const parsed = importFileSchema.safeParse(input);
  if (!parsed.success) {
    const issues = new IssueList();
    for (const issue of parsed.error.issues) issues.add(formatPath(issue.path), zodMessage(issue));
    return fail(issues.result());
  }
  const issues = new IssueList();
  checkReferences(parsed.data, issues);
  return issues.count === 0 ? { ok: true, data: parsed.data } : fail(issues.result());
}

/**
 * Parses JSON text and validates it; syntax errors are reported as `line:column` of the text.
 * `source` names the file in messages.
 */
export function validateImportText(text: string, source = "input"): ImportValidation {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "")
    return fail([{ path: `${source}:1:1`, message: "the file is empty: expected a JSON object" }]);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(body, Number(at[1])) : { line: 1, column: 1 };
    return fail([{ path: `${source}:${where.line}:${where.column}`, message: `not valid JSON: ${message}` }]);
  }
  return validateImport(value);
}

function fail(errors: ImportIssue[]): ImportValidation {
  return { ok: false, errors };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Paths and messages
 * -------------------------------------------------------------------------------------------------------------- */

/** `["nodes", 3, "participants", 0, "actor"]` → `$.nodes[3].participants[0].actor`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function zodMessage(issue: z.core.$ZodIssue): string {
  // zod's own wording is fine for shapes; missing fields read better spelled out.
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    return `required field is missing (expected ${issue.expected})`;
  }
  return issue.message;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Partial dates
 * -------------------------------------------------------------------------------------------------------------- */

/** The precision a partial date is written with: `2018` → year, `2018-01` → month, `2018-01-21` → day. */
export function precisionOf(date: string): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/** First and last calendar day (`YYYY-MM-DD`) that a partial date covers; what `dateStart`/`dateEnd` store. */
export function partialDateRange(date: string): { start: string; end: string } {
  const [y, m, d] = date.split("-");
  if (d !== undefined) return { start: date, end: date };
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, "0")}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Reference checks
 * -------------------------------------------------------------------------------------------------------------- */

interface Entry {
  kind: NodeType | "article" | "quantity";
  path: string;
}

interface Context {
  data: ImportFile;
  issues: IssueList;
  ids: Map<string, Entry>;
  idsByType: Map<NodeType, string[]>;
  /** Suggestions cost a scan of the ids, so only the first few dangling references get one. */
  suggestionsLeft: number;
  /** Inline article texts by id: a citation's offsets are checked against its article without a scan. */
  texts: Map<string, string>;
}

function checkReferences(data: ImportFile, issues: IssueList): void {
  const texts = new Map(data.articles.filter((a) => a.text !== undefined).map((a) => [a.id, a.text!]));
  const ctx: Context = { data, issues, ids: new Map(), idsByType: new Map(), suggestionsLeft: 50, texts };
  registerIds(ctx);

  data.articles.forEach((article, i) => {
    const path = `$.articles[${i}]`;
    if (article.published && article.publishedPrecision) {
      checkPrecision(ctx, `${path}.publishedPrecision`, article.published, article.publishedPrecision);
    }
  });

  data.nodes.forEach((node, i) => checkNode(ctx, node, `$.nodes[${i}]`));

  data.roles.forEach((role, i) => {
    const path = `$.roles[${i}]`;
    checkRef(ctx, `${path}.person`, role.person, ["person"]);
    checkRef(ctx, `${path}.of`, role.of, OFFICE_TYPES);
    if (role.since && role.until && partialDateRange(role.until).end < partialDateRange(role.since).start) {
      issues.add(`${path}.until`, `until (${role.until}) is before since (${role.since})`);
    }
    if (role.asOf && role.since && partialDateRange(role.asOf).end < partialDateRange(role.since).start) {
      issues.add(`${path}.asOf`, `asOf (${role.asOf}) is before since (${role.since})`);
    }
    if (role.asOf && role.until && partialDateRange(role.asOf).start > partialDateRange(role.until).end) {
      issues.add(`${path}.asOf`, `asOf (${role.asOf}) is after until (${role.until})`);
    }
    checkEvidence(ctx, `${path}.evidence`, role.evidence);
  });

  data.quantities.forEach((quantity, i) => {
    const path = `$.quantities[${i}]`;
    quantity.about.forEach((id, j) => checkRef(ctx, `${path}.about[${j}]`, id, null));
    checkEvidence(ctx, `${path}.evidence`, quantity.evidence);
  });

  checkPartOfCycles(ctx);
}

function registerIds(ctx: Context): void {
  const add = (id: string, entry: Entry): void => {
    const first = ctx.ids.get(id);
    if (first) {
      ctx.issues.add(`${entry.path}.id`, `duplicate id "${id}" (already used by ${first.path})`);
      return;
    }
    ctx.ids.set(id, entry);
  };
  ctx.data.articles.forEach((a, i) => add(a.id, { kind: "article", path: `$.articles[${i}]` }));
  ctx.data.nodes.forEach((n, i) => {
    add(n.id, { kind: n.type, path: `$.nodes[${i}]` });
    const list = ctx.idsByType.get(n.type) ?? [];
    list.push(n.id);
    ctx.idsByType.set(n.type, list);
  });
  ctx.data.quantities.forEach((q, i) => add(q.id, { kind: "quantity", path: `$.quantities[${i}]` }));
}

function checkNode(ctx: Context, node: ImportNode, path: string): void {
  const { issues } = ctx;
  const onlyFor = (field: string, present: boolean, types: readonly NodeType[]): boolean => {
    if (!present || types.includes(node.type)) return present;
    issues.add(`${path}.${field}`, `${field} is only for ${plural(types)} (this node is a ${node.type})`);
    return false;
  };

  if (onlyFor("participants", node.participants.length > 0, ["event"])) {
    node.participants.forEach((p, j) => checkRef(ctx, `${path}.participants[${j}].actor`, p.actor, ACTOR_TYPES));
  }
  if (onlyFor("place", node.place !== undefined, ["event"])) checkRef(ctx, `${path}.place`, node.place!, PLACE_TYPES);
  if (onlyFor("topics", node.topics.length > 0, ["event", "agreement"])) {
    node.topics.forEach((id, j) => checkRef(ctx, `${path}.topics[${j}]`, id, ["topic"]));
  }
  if (onlyFor("produced", node.produced.length > 0, ["event"])) {
    node.produced.forEach((id, j) => checkRef(ctx, `${path}.produced[${j}]`, id, ["agreement"]));
  }
  if (onlyFor("parties", node.parties.length > 0, ["agreement"])) {
    node.parties.forEach((id, j) => checkRef(ctx, `${path}.parties[${j}]`, id, ACTOR_TYPES));
  }
  onlyFor("status", node.status !== undefined, ["agreement"]);
  if (onlyFor("country", node.country !== undefined, COUNTRY_HOLDER_TYPES)) {
    if (node.country === node.id) issues.add(`${path}.country`, `a node cannot be in itself ("${node.id}")`);
    else checkRef(ctx, `${path}.country`, node.country!, ["country"]);
  }
  if (onlyFor("partOf", node.partOf !== undefined, ["organization"])) {
    checkRef(ctx, `${path}.partOf`, node.partOf!, PARENT_TYPES);
  }
  if (node.date && node.datePrecision) checkPrecision(ctx, `${path}.datePrecision`, node.date, node.datePrecision);
  if (!node.date && node.datePrecision) issues.add(`${path}.datePrecision`, "datePrecision is given without a date");
  checkEvidence(ctx, `${path}.evidence`, node.evidence);
}

function checkPrecision(ctx: Context, path: string, date: string, precision: DatePrecision): void {
  const actual = precisionOf(date);
  if (actual !== precision) {
    ctx.issues.add(path, `precision "${precision}" does not match the date "${date}" (written to the ${actual})`);
  }
}

/** `allowed === null` accepts any node type (quantities may be about anything except articles and quantities). */
function checkRef(ctx: Context, path: string, id: string, allowed: readonly NodeType[] | null): void {
  const entry = ctx.ids.get(id);
  if (!entry) {
    const candidates = allowed
      ? allowed.flatMap((t) => ctx.idsByType.get(t) ?? [])
      : [...ctx.idsByType.values()].flat();
    const hint = ctx.suggestionsLeft-- > 0 ? suggest(id, candidates) : undefined;
    ctx.issues.add(path, `no node with id "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}`);
    return;
  }
  if (entry.kind === "article" || entry.kind === "quantity") {
    ctx.issues.add(
      path,
      `"${id}" is ${entry.kind === "article" ? "an article" : "a quantity"} (${entry.path}); expected a node`,
    );
    return;
  }
  if (allowed && !allowed.includes(entry.kind)) {
    ctx.issues.add(path, `"${id}" is a ${entry.kind} (${entry.path}); expected ${orList(allowed)}`);
  }
}

function checkEvidence(ctx: Context, path: string, evidence: readonly Citation[]): void {
  evidence.forEach((c, j) => {
    const at = `${path}[${j}]`;
    const entry = ctx.ids.get(c.article);
    if (!entry || entry.kind !== "article") {
      const hint =
        ctx.suggestionsLeft-- > 0
          ? suggest(
              c.article,
              ctx.data.articles.map((a) => a.id),
            )
          : undefined;
      const what = entry ? `"${c.article}" is a ${entry.kind}, not an article` : `no article with id "${c.article}"`;
      ctx.issues.add(`${at}.article`, `${what}${hint ? ` (did you mean "${hint}"?)` : ""}`);
      return;
    }
    if ((c.start === undefined) !== (c.end === undefined)) {
      ctx.issues.add(`${at}.${c.start === undefined ? "start" : "end"}`, "give both start and end offsets, or neither");
    }
    const text = ctx.texts.get(c.article);
    if (text === undefined) return;
    for (const field of ["start", "end"] as const) {
      const value = c[field];
      if (value !== undefined && value > text.length) {
        ctx.issues.add(
          `${at}.${field}`,
          `offset ${value} is beyond the end of article "${c.article}" (${text.length} characters)`,
        );
      }
    }
    if (c.paragraph !== undefined) {
      const paragraphs = countParagraphs(text);
      if (c.paragraph >= paragraphs) {
        ctx.issues.add(
          `${at}.paragraph`,
          `paragraph ${c.paragraph} does not exist: article "${c.article}" has ${paragraphs}`,
        );
      }
    }
  });
}

/** Paragraphs are the non-blank lines of the text (see docs/import-format.md), counted from 0. */
export function countParagraphs(text: string): number {
  let n = 0;
  for (const line of text.split("\n")) if (/\S/.test(line)) n++;
  return n;
}

function checkPartOfCycles(ctx: Context): void {
  const parent = new Map<string, string>();
  const pathOf = new Map<string, string>();
  ctx.data.nodes.forEach((n, i) => {
    if (n.partOf && n.type === "organization") {
      parent.set(n.id, n.partOf);
      pathOf.set(n.id, `$.nodes[${i}].partOf`);
    }
  });
  // 0/undefined = unseen, 1 = on the current walk, 2 = known to end outside a cycle or already reported.
  const state = new Map<string, 1 | 2>();
  for (const start of parent.keys()) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !state.has(id)) {
      state.set(id, 1);
      walk.push(id);
      id = parent.get(id);
    }
    if (id !== undefined && state.get(id) === 1) {
      const cycle = walk.slice(walk.indexOf(id));
      ctx.issues.add(pathOf.get(cycle[cycle.length - 1]!)!, `partOf forms a cycle: ${[...cycle, id].join(" → ")}`);
    }
    for (const w of walk) state.set(w, 2);
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Helpers
 * -------------------------------------------------------------------------------------------------------------- */

/** The closest id within a small edit distance, for "did you mean" hints. */
export function suggest(id: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(id.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - id.length) >= bestDistance) continue;
    const d = levenshtein(id, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance, giving up (returning `cap`) once every cell of a row reaches the cap. */
function levenshtein(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return prev[b.length]!;
}

function orList(types: readonly string[]): string {
  const withArticle = types.map((t) => `${/^[aeiou]/.test(t) ? "an" : "a"} ${t}`);
  return withArticle.length === 1 ? withArticle[0]! : `${withArticle.slice(0, -1).join(", ")} or ${withArticle.at(-1)}`;
}

function plural(types: readonly string[]): string {
  const words = types.map((t) => (t === "country" ? "countries" : `${t}s`));
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
