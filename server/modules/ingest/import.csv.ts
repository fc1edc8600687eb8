/**
 * CSV import
 * ==========
 *
 * Turns a folder with `nodes.csv` and `edges.csv` (and optionally `articles.csv`) into the same import object the
 * JSON format describes, using the header conventions of neo4j-admin import and Gephi/Kumu spreadsheets, then
 * validates it. Every error names the file, line and column (1-based field number) and what was expected.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LINK_ENDS, LINK_TYPES, type LinkType, NODE_TYPES, type NodeType } from "../../../contracts/vocabulary.js";
import { suggest, validateImport, type ImportIssue, type ImportValidation } from "./import.validate.js";

/* ----------------------------------------------------------------------------------------------------------------
 * Vocabularies
 * -------------------------------------------------------------------------------------------------------------- */

/** Column types accepted after a colon in a header (`founded:int`, `tags:string[]`). */
export const COLUMN_TYPES = [
  "string",
  "int",
  "long",
  "float",
  "double",
  "boolean",
  "date",
  "string[]",
  "int[]",
  "long[]",
  "float[]",
  "double[]",
] as const;
type ColumnType = (typeof COLUMN_TYPES)[number];

/** Node columns that map to fields of the JSON format (after header aliases are resolved). */
const NODE_FIELDS = new Set([
  "id",
  "type",
  "kind",
  "name",
  "aliases",
  "description",
  "country",
  "partOf",
  "status",
  "date",
  "datePrecision",
  "summary",
  "x",
  "y",
  "lat",
  "lon",
]);
const EVIDENCE_FIELDS = new Set(["article", "paragraph", "start", "end", "by"]);
const EDGE_FIELDS = new Set(["source", "target", "type", "role", "title", "since", "until", "asOf"]);
const ARTICLE_FIELDS = new Set([
  "id",
  "title",
  "publisher",
  "url",
  "published",
  "publishedPrecision",
  "publishedNote",
  "language",
  "file",
  "sha256",
  "dateline",
  "text",
]);

/** Fields kept exactly as written (no trimming), since their whitespace may matter (offsets into `text`). */
const FREE_TEXT = new Set(["description", "summary", "text", "publishedNote", "title"]);

/** Header spellings from neo4j-admin, Gephi and Kumu, folded to one field name. */
const HEADER_ALIASES: Record<string, string> = {
  id: "id",
  ":id": "id",
  ":label": "type",
  type: "type",
  ":type": "type",
  label: "name",
  name: "name",
  kind: "kind",
  source: "source",
  ":start_id": "source",
  target: "target",
  ":end_id": "target",
  partof: "partOf",
  part_of: "partOf",
  dateprecision: "datePrecision",
  date_precision: "datePrecision",
  publishedprecision: "publishedPrecision",
  publishednote: "publishedNote",
  asof: "asOf",
  as_of: "asOf",
};

/* ----------------------------------------------------------------------------------------------------------------
 * Entry points
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Reads `nodes.csv`, `edges.csv` and, when present, `articles.csv` from a folder, checks their encoding (UTF-8 with
 * or without BOM) and parses them with {@link parseCsvImport}.
 */
export async function readCsvFolder(dir: string): Promise<ImportValidation> {
  const errors: ImportIssue[] = [];
  const texts: Partial<Record<"nodes.csv" | "edges.csv" | "articles.csv", string>> = {};
  for (const file of ["nodes.csv", "edges.csv", "articles.csv"] as const) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, file));
    } catch (error) {
      if (file === "articles.csv" && (error as NodeJS.ErrnoException).code === "ENOENT") continue;
      errors.push({ path: `${file}:1:1`, message: `cannot read ${join(dir, file)}: ${(error as Error).message}` });
      continue;
    }
    const decoded = decodeUtf8(bytes, file);
    if (typeof decoded === "string") texts[file] = decoded;
    else errors.push(decoded);
  }
  if (errors.length > 0) return { ok: false, errors };
  return parseCsvImport(texts["nodes.csv"]!, texts["edges.csv"]!, texts["articles.csv"]);
}

/**
 * Decodes file bytes as UTF-8 (a BOM is dropped); UTF-16, binary data and invalid UTF-8 give an issue naming the
 * file instead.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string | ImportIssue {
  const path = `${file}:1:1`;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { path, message: `${file} is UTF-16 encoded; save it as UTF-8 (with or without BOM)` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { path, message: `${file} contains binary data (a NUL byte at offset ${nul}); expected UTF-8 text` };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return { path, message: `${file} is not valid UTF-8 (perhaps Latin-1 or Windows-1252); save it as UTF-8` };
  }
}

/**
 * Parses the text of `nodes.csv`, `edges.csv` and optionally `articles.csv` into an import object and validates
 * it; schema and reference errors are reported at the CSV line and column the value came from.
 */
export function parseCsvImport(nodesCsv: string, edgesCsv: string, articlesCsv?: string): ImportValidation {
  const builder = new Builder();
  builder.readArticles(articlesCsv);
  builder.readNodes(nodesCsv);
  if (builder.errors.length === 0) builder.readEdges(edgesCsv);
  if (builder.errors.length > 0) return { ok: false, errors: cap(builder.errors) };
  const result = validateImport(builder.output());
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((issue) => builder.locate(issue)) };
}

/* ----------------------------------------------------------------------------------------------------------------
 * RFC 4180 reader
 * -------------------------------------------------------------------------------------------------------------- */

interface Cell {
  value: string;
  /** 1-based line where the field starts (quoted fields may span lines). */
  line: number;
}
interface Row {
  line: number;
  cells: Cell[];
}

/** Splits CSV text into rows of cells (comma separated, `"` quoting with `""` escapes, CRLF or LF). */
export function readCsv(text: string, file: string): { rows: Row[]; errors: ImportIssue[] } {
  const rows: Row[] = [];
  const errors: ImportIssue[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  let cells: Cell[] = [];
  let rowLine = 1;
  const endRow = (): void => {
    // A line with one empty field is a blank line, skipped rather than read as a record.
    if (!(cells.length === 1 && cells[0]!.value === "")) rows.push({ line: rowLine, cells });
    cells = [];
  };
  while (i <= body.length) {
    if (i === body.length) {
      if (cells.length > 0) endRow();
      break;
    }
    const cellLine = line;
    if (cells.length === 0) rowLine = line;
    let value = "";
    if (body[i] === '"') {
      const openLine = line;
      i++;
      for (;;) {
        if (i >= body.length) {
          errors.push({
            path: `${file}:${openLine}:${cells.length + 1}`,
            message: 'a quoted field is never closed (missing ")',
          });
          return { rows, errors };
        }
        const ch = body[i]!;
        if (ch === '"') {
          if (body[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === "\n") line++;
        value += ch;
        i++;
      }
      const next = body[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        errors.push({
          path: `${file}:${line}:${cells.length + 1}`,
          message: "unexpected text after a closing quote; expected , or end of line",
        });
        while (i < body.length && body[i] !== "," && body[i] !== "\n") i++;
      }
    } else {
      const from = i;
      while (i < body.length && body[i] !== "," && body[i] !== "\n" && body[i] !== "\r") i++;
      value = body.slice(from, i);
      if (value.includes('"')) {
        errors.push({
          path: `${file}:${line}:${cells.length + 1}`,
          message: 'a quote (") inside an unquoted field; quote the whole field and double the inner quotes',
        });
      }
    }
    cells.push({ value, line: cellLine });
    if (body[i] === ",") {
      i++;
      if (i === body.length) cells.push({ value: "", line });
    } else if (body[i] === "\r" || body[i] === "\n") {
      if (body[i] === "\r") i++;
      if (body[i] === "\n") i++;
      line++;
      endRow();
    }
    if (errors.length > MAX_ERRORS) break;
  }
  return { rows, errors };
}

const MAX_ERRORS = 100;

function cap(errors: ImportIssue[]): ImportIssue[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_ERRORS),
    { path: "$", message: `${errors.length - MAX_ERRORS} more error(s) not shown` },
  ];
}

/* ----------------------------------------------------------------------------------------------------------------
 * Headers
 * -------------------------------------------------------------------------------------------------------------- */

interface Column {
  /** Field name after aliases (`id`, `type`, `name`, …) or a property name. */
  field: string;
  header: string;
  type: ColumnType;
  index: number;
}

function readHeader(
  row: Row,
  file: string,
  known: Set<string>,
  errors: ImportIssue[],
  allowProperties: boolean,
): Column[] {
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  row.cells.forEach((cell, index) => {
    const header = cell.value.trim();
    const at = `${file}:${row.line}:${index + 1}`;
    if (header === "") {
      errors.push({ path: at, message: "empty column name in the header" });
      return;
    }
    let name = header;
    let type: string | undefined;
    const colon = header.lastIndexOf(":");
    if (colon > 0) {
      name = header.slice(0, colon);
      type = header.slice(colon + 1);
    } else if (colon === 0) {
      name = header;
    }
    // neo4j-admin puts the role in the type slot (`id:ID`, `:ID(Group)`, `:LABEL`, `:TYPE`, `:START_ID`).
    const special = (type ?? "").replace(/\(.*\)$/, "").toUpperCase();
    let field: string;
    if (special === "ID") field = "id";
    else if (special === "LABEL") field = "type";
    else if (special === "TYPE") field = "type";
    else if (special === "START_ID") field = "source";
    else if (special === "END_ID") field = "target";
    else {
      const folded = name.replace(/\(.*\)$/, "").toLowerCase();
      field =
        HEADER_ALIASES[folded] ??
        (known.has(name) ? name : folded in caseless(known) ? caseless(known)[folded]! : name);
    }
    let columnType: ColumnType = "string";
    if (type !== undefined && !["ID", "LABEL", "TYPE", "START_ID", "END_ID"].includes(special)) {
      const t = type.toLowerCase();
      if (!(COLUMN_TYPES as readonly string[]).includes(t)) {
        errors.push({
          path: at,
          message: `unknown column type "${type}" in "${header}"; expected one of ${COLUMN_TYPES.join(", ")}`,
        });
        return;
      }
      columnType = t as ColumnType;
    }
    if (!known.has(field) && !allowProperties) {
      errors.push({ path: at, message: `unknown column "${header}"; expected one of ${[...known].join(", ")}` });
      return;
    }
    if (!known.has(field) && !/^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(field)) {
      errors.push({ path: at, message: `column "${header}": property names are letters, digits and '_'` });
      return;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      errors.push({
        path: at,
        message: `column "${header}" repeats "${row.cells[first]!.value}" (column ${first + 1})`,
      });
      return;
    }
    seen.set(field, index);
    columns.push({ field, header, type: columnType, index });
  });
  return columns;
}

function caseless(known: Set<string>): Record<string, string> {
  return Object.fromEntries([...known].map((k) => [k.toLowerCase(), k]));
}

/** Converts a cell to its column type; arrays are `;`-separated. */
function convert(raw: string, type: ColumnType): { value: unknown } | { error: string } {
  const one = (v: string, t: string): { value: unknown } | { error: string } => {
    const s = v.trim();
    if (t === "int" || t === "long")
      return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s))
        ? { value: Number(s) }
        : { error: `expected an integer, got "${clip(s)}"` };
    if (t === "float" || t === "double")
      return s !== "" && Number.isFinite(Number(s))
        ? { value: Number(s) }
        : { error: `expected a number, got "${clip(s)}"` };
    if (t === "boolean") {
      const l = s.toLowerCase();
      return l === "true"
        ? { value: true }
        : l === "false"
          ? { value: false }
          : { error: `expected true or false, got "${clip(s)}"` };
    }
    return { value: v };
  };
  if (type.endsWith("[]")) {
    const base = type.slice(0, -2);
    const out: unknown[] = [];
    for (const part of raw
      .split(";")
      .map((p) => p.trim())
      .filter((p) => p !== "")) {
      const r = one(part, base);
      if ("error" in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  return one(raw, type);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Builder: rows → import object, remembering where each value came from
 * -------------------------------------------------------------------------------------------------------------- */

interface Location {
  file: string;
  line: number;
  column: number;
  header?: string;
}

type Obj = Record<string, unknown>;

class Builder {
  readonly errors: ImportIssue[] = [];
  private readonly articles: Obj[] = [];
  private readonly nodes: Obj[] = [];
  private readonly roles: Obj[] = [];
  private readonly nodeIndex = new Map<string, number>();
  /** JSON path (prefix) → CSV location, for translating validation errors back. */
  private readonly origins = new Map<string, Location>();

  output(): Obj {
    return { format: "parley-import", version: 1, articles: this.articles, nodes: this.nodes, roles: this.roles };
  }

  /** Rewrites a validation issue's JSON path to the CSV file, line and column it came from. */
  locate(issue: ImportIssue): ImportIssue {
    let path = issue.path;
    for (;;) {
      const loc = this.origins.get(path);
      if (loc) {
        const column = loc.header ? `column "${loc.header}": ` : "";
        return { path: `${loc.file}:${loc.line}:${loc.column}`, message: `${column}${issue.message}` };
      }
      const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
      if (cut <= 1) return issue;
      path = path.slice(0, cut);
    }
  }

  private table(
    text: string | undefined,
    file: string,
    known: Set<string>,
    required: string[],
    allowProperties: boolean,
  ): { columns: Column[]; rows: Row[] } | undefined {
    if (text === undefined) return undefined;
    if (text.includes("\u0000")) {
      this.errors.push({
        path: `${file}:1:1`,
        message: `${file} contains binary data (NUL characters); expected UTF-8 text`,
      });
      return undefined;
    }
    const { rows, errors } = readCsv(text, file);
    this.errors.push(...errors);
    if (errors.length > 0) return undefined;
    if (rows.length === 0) {
      this.errors.push({
        path: `${file}:1:1`,
        message: `${file} is empty; expected a header line with ${required.join(", ")}`,
      });
      return undefined;
    }
    const header = rows[0]!;
    const headerErrors: ImportIssue[] = [];
    const columns = readHeader(header, file, known, headerErrors, allowProperties);
    const missing = required.filter((f) => !columns.some((c) => c.field === f));
    if (missing.length > 0) {
      const recognised = columns.filter((c) => known.has(c.field)).length;
      const message =
        recognised === 0
          ? `the header line is missing: line 1 should name the columns (${required.join(", ")}, …) but reads like data`
          : `the header has no ${missing.map((m) => `"${m}"`).join(", ")} column (${spellings(missing)})`;
      this.errors.push({ path: `${file}:${header.line}:1`, message });
      return undefined;
    }
    this.errors.push(...headerErrors);
    if (headerErrors.length > 0) return undefined;
    const body = rows.slice(1);
    for (const row of body) {
      if (row.cells.length !== header.cells.length) {
        this.errors.push({
          path: `${file}:${row.line}:${Math.min(row.cells.length, header.cells.length) + 1}`,
          message: `expected ${header.cells.length} fields as in the header, found ${row.cells.length}`,
        });
      }
    }
    return { columns, rows: this.errors.length > 0 ? [] : body };
  }

  /** Reads typed cells of a row into `target`; evidence columns become one citation. Returns false on errors. */
  private fill(
    row: Row,
    columns: Column[],
    file: string,
    path: string,
    target: Obj,
    fields: Set<string>,
    skip: Set<string>,
  ): boolean {
    let ok = true;
    const evidence: Obj = {};
    for (const col of columns) {
      if (skip.has(col.field)) continue;
      const raw = row.cells[col.index]!.value;
      if (raw.trim() === "") continue;
      const isEvidence = EVIDENCE_FIELDS.has(col.field);
      const numeric = isEvidence && ["paragraph", "start", "end"].includes(col.field);
      const type: ColumnType =
        col.field === "aliases" && col.type === "string"
          ? "string[]"
          : ["x", "y", "lat", "lon"].includes(col.field) && col.type === "string"
            ? "float"
            : numeric && col.type === "string"
              ? "int"
              : col.type;
      const converted = convert(raw, type);
      const loc = { file, line: row.line, column: col.index + 1, header: col.header };
      if ("error" in converted) {
        this.errors.push({
          path: `${file}:${row.line}:${col.index + 1}`,
          message: `column "${col.header}": ${converted.error}`,
        });
        ok = false;
        continue;
      }
      if (isEvidence) {
        evidence[col.field] = converted.value;
        this.origins.set(`${path}.evidence[0].${col.field}`, loc);
      } else if (fields.has(col.field)) {
        target[col.field] =
          typeof converted.value === "string" && !FREE_TEXT.has(col.field) ? converted.value.trim() : converted.value;
        this.origins.set(`${path}.${col.field}`, loc);
      } else {
        const props = (target.properties ??= {}) as Obj;
        props[col.field] = converted.value;
        this.origins.set(`${path}.properties.${col.field}`, loc);
      }
    }
    if (Object.keys(evidence).length > 0) target.evidence = [evidence];
    return ok;
  }

  readArticles(text: string | undefined): void {
    const table = this.table(
      text,
      "articles.csv",
      new Set([...ARTICLE_FIELDS, ...EVIDENCE_FIELDS]),
      ["id", "title"],
      false,
    );
    if (!table) return;
    for (const row of table.rows) {
      const path = `$.articles[${this.articles.length}]`;
      const article: Obj = {};
      this.origins.set(path, { file: "articles.csv", line: row.line, column: 1 });
      this.fill(row, table.columns, "articles.csv", path, article, ARTICLE_FIELDS, new Set());
      this.articles.push(article);
    }
  }

  readNodes(text: string): void {
    const table = this.table(
      text,
      "nodes.csv",
      new Set([...NODE_FIELDS, ...EVIDENCE_FIELDS]),
      ["id", "type", "name"],
      true,
    );
    if (!table) return;
    const typeColumn = table.columns.find((c) => c.field === "type")!;
    for (const row of table.rows) {
      const path = `$.nodes[${this.nodes.length}]`;
      const node: Obj = {};
      this.origins.set(path, { file: "nodes.csv", line: row.line, column: 1 });
      this.fill(row, table.columns, "nodes.csv", path, node, NODE_FIELDS, new Set(["type"]));
      const rawType = row.cells[typeColumn.index]!.value;
      const type = nodeTypeOf(rawType);
      if (type === undefined) {
        const shown = rawType.trim() === "" ? "an empty type" : `"${clip(rawType.trim())}"`;
        this.errors.push({
          path: `nodes.csv:${row.line}:${typeColumn.index + 1}`,
          message: `column "${typeColumn.header}": ${shown} is not a node type; expected one of ${NODE_TYPES.join(", ")} (put finer kinds in the "kind" column)`,
        });
      } else node.type = type;
      this.origins.set(`${path}.type`, {
        file: "nodes.csv",
        line: row.line,
        column: typeColumn.index + 1,
        header: typeColumn.header,
      });
      if (typeof node.id === "string") {
        if (!this.nodeIndex.has(node.id)) this.nodeIndex.set(node.id, this.nodes.length);
      }
      this.nodes.push(node);
    }
  }

  readEdges(text: string): void {
    const table = this.table(
      text,
      "edges.csv",
      new Set([...EDGE_FIELDS, ...EVIDENCE_FIELDS]),
      ["source", "target", "type"],
      false,
    );
    if (!table) return;
    const col = (field: string): Column | undefined => table.columns.find((c) => c.field === field);
    const sourceCol = col("source")!;
    const targetCol = col("target")!;
    const typeCol = col("type")!;
    const at = (row: Row, c: Column): string => `edges.csv:${row.line}:${c.index + 1}`;
    const locOf = (row: Row, c: Column | undefined): Location => ({
      file: "edges.csv",
      line: row.line,
      column: (c?.index ?? 0) + 1,
      header: c?.header,
    });

    for (const row of table.rows) {
      const cell = (c: Column | undefined): string => (c ? row.cells[c.index]!.value.trim() : "");
      const rawType = cell(typeCol);
      const edgeType = rawType.toUpperCase().replace(/[\s-]+/g, "_") as LinkType;
      const source = cell(sourceCol);
      const target = cell(targetCol);
      if (!(LINK_TYPES as readonly string[]).includes(edgeType)) {
        const mixed = this.nodeIndex.has(rawType)
          ? ` ("${clip(rawType)}" is a node id: are the columns mixed up?)`
          : "";
        this.errors.push({
          path: at(row, typeCol),
          message: `column "${typeCol.header}": unknown edge type "${clip(rawType)}"${mixed}; expected one of ${LINK_TYPES.join(", ")}`,
        });
        continue;
      }
      let endpointsOk = true;
      for (const [c, id] of [
        [sourceCol, source],
        [targetCol, target],
      ] as const) {
        if (this.nodeIndex.has(id)) continue;
        endpointsOk = false;
        const upper = id.toUpperCase();
        const mixed = (LINK_TYPES as readonly string[]).includes(upper)
          ? ` ("${id}" is an edge type: are the columns mixed up?)`
          : "";
        const hint = mixed ? "" : suggest(id, [...this.nodeIndex.keys()]);
        const what = id === "" ? "is empty" : `"${clip(id)}" is not a node id in nodes.csv`;
        this.errors.push({
          path: at(row, c),
          message: `column "${c.header}" ${what}${mixed}${hint ? ` (did you mean "${hint}"?)` : ""}`,
        });
      }
      if (!endpointsOk) continue;
      const s = this.nodes[this.nodeIndex.get(source)!]!;
      const t = this.nodes[this.nodeIndex.get(target)!]!;
      const rule = LINK_ENDS[edgeType];
      const sType = s.type as NodeType;
      const tType = t.type as NodeType;
      if (!rule.source.includes(sType) || !rule.target.includes(tType)) {
        const swapped = rule.source.includes(tType) && rule.target.includes(sType);
        this.errors.push({
          path: at(row, rule.source.includes(sType) ? targetCol : sourceCol),
          message: swapped
            ? `${edgeType} goes from ${list(rule.source)} to ${list(rule.target)}; source "${source}" (${sType}) and target "${target}" (${tType}) look swapped`
            : `${edgeType} goes from ${list(rule.source)} to ${list(rule.target)}, not from a ${sType} ("${source}") to a ${tType} ("${target}")`,
        });
        continue;
      }
      for (const c of table.columns) {
        // Columns that only some edge types use are rejected on the others instead of being silently dropped.
        const usedBy: Record<string, LinkType[]> = {
          role: ["PARTICIPATED_IN"],
          title: ["HOLDS_ROLE"],
          since: ["HOLDS_ROLE"],
          until: ["HOLDS_ROLE"],
          asOf: ["HOLDS_ROLE"],
        };
        const users = usedBy[c.field];
        if (users && !users.includes(edgeType) && cell(c) !== "") {
          this.errors.push({
            path: at(row, c),
            message: `column "${c.header}" applies to ${users.join(", ")} edges, not ${edgeType}`,
          });
        }
      }
      const nodePath = (id: string): string => `$.nodes[${this.nodeIndex.get(id)}]`;
      const evidenceObj: Obj = {};
      this.fill(
        row,
        table.columns.filter((c) => EVIDENCE_FIELDS.has(c.field)),
        "edges.csv",
        "$.scratch",
        evidenceObj,
        new Set(),
        new Set(),
      );
      const citation = (evidenceObj.evidence as Obj[] | undefined)?.[0];
      const addEvidence = (owner: Obj, ownerPath: string): void => {
        if (!citation) return;
        const list = (owner.evidence ??= []) as Obj[];
        if (list.some((e) => JSON.stringify(e) === JSON.stringify(citation))) return;
        this.origins.set(`${ownerPath}.evidence[${list.length}]`, locOf(row, undefined));
        list.push(citation);
      };
      const push = (owner: Obj, ownerPath: string, field: string, value: unknown, c: Column): void => {
        const arr = (owner[field] ??= []) as unknown[];
        this.origins.set(`${ownerPath}.${field}[${arr.length}]`, locOf(row, c));
        arr.push(value);
      };
      const setOnce = (owner: Obj, ownerPath: string, field: string, value: string, c: Column): void => {
        if (owner[field] !== undefined && owner[field] !== value) {
          const before = this.origins.get(`${ownerPath}.${field}`);
          const where = before ? ` (${before.file}:${before.line})` : "";
          this.errors.push({
            path: at(row, c),
            message: `${edgeType}: "${owner.id}" already has ${field} "${owner[field]}"${where}; it can have only one`,
          });
          return;
        }
        owner[field] = value;
        this.origins.set(`${ownerPath}.${field}`, locOf(row, c));
      };

      switch (edgeType) {
        case "PARTICIPATED_IN": {
          const role = cell(col("role"));
          const arr = (t.participants ??= []) as Obj[];
          const p = `${nodePath(target)}.participants[${arr.length}]`;
          this.origins.set(p, locOf(row, sourceCol));
          this.origins.set(`${p}.actor`, locOf(row, sourceCol));
          if (role) this.origins.set(`${p}.role`, locOf(row, col("role")));
          arr.push(role ? { actor: source, role } : { actor: source });
          addEvidence(t, nodePath(target));
          break;
        }
        case "HOLDS_ROLE": {
          const p = `$.roles[${this.roles.length}]`;
          const roleObj: Obj = { person: source, of: target };
          this.origins.set(p, locOf(row, sourceCol));
          this.origins.set(`${p}.person`, locOf(row, sourceCol));
          this.origins.set(`${p}.of`, locOf(row, targetCol));
          for (const f of ["title", "since", "until", "asOf"]) {
            const c = col(f);
            const v = cell(c);
            if (v) {
              roleObj[f] = v;
              this.origins.set(`${p}.${f}`, locOf(row, c));
            }
          }
          if (!roleObj.title) this.origins.set(`${p}.title`, locOf(row, col("title") ?? typeCol));
          if (citation) {
            roleObj.evidence = [citation];
            this.origins.set(`${p}.evidence[0]`, locOf(row, undefined));
          }
          this.roles.push(roleObj);
          break;
        }
        case "AT":
          setOnce(s, nodePath(source), "place", target, targetCol);
          addEvidence(s, nodePath(source));
          break;
        case "ABOUT":
          push(s, nodePath(source), "topics", target, targetCol);
          addEvidence(s, nodePath(source));
          break;
        case "PRODUCED":
          push(s, nodePath(source), "produced", target, targetCol);
          addEvidence(s, nodePath(source));
          break;
        case "PARTY_TO":
          push(t, nodePath(target), "parties", source, sourceCol);
          addEvidence(t, nodePath(target));
          break;
        case "IN_COUNTRY":
          setOnce(s, nodePath(source), "country", target, targetCol);
          break;
        case "PART_OF":
          setOnce(s, nodePath(source), "partOf", target, targetCol);
          break;
      }
    }
  }
}

/** `Person`, `person`, `Entity;Person` (a neo4j-admin label list) → `person`. */
function nodeTypeOf(raw: string): NodeType | undefined {
  const labels = raw
    .split(";")
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== "" && l !== "entity");
  const types = labels
    .map((l) => (l === "organisation" ? "organization" : l))
    .filter((l): l is NodeType => (NODE_TYPES as readonly string[]).includes(l));
  return types.length === 1 && labels.length === 1 ? types[0] : undefined;
}

function list(types: readonly string[]): string {
  return types.length === 1 ? `a ${types[0]}` : `a ${types.slice(0, -1).join(", ")} or ${types.at(-1)}`;
}

function spellings(fields: string[]): string {
  const known: Record<string, string> = {
    id: "id, id:ID, :ID or Id",
    type: "type, :LABEL or Type",
    name: "name, label or Label",
    source: "source, :START_ID or Source",
    target: "target, :END_ID or Target",
    title: "title",
  };
  return fields.map((f) => known[f] ?? f).join("; ");
}
