/**
 * Saved questions
 * ===============
 *
 * Reads the `.cypher` files under `cypher/saved/` and their header comment block:
 *
 * ```
 * // @title Who met an actor between two dates
 * // @description Everyone who met the actor in the window, and where.
 * // @param actor string = hassan-rouhani -- The actor's id
 * ```
 *
 * and turns a form's values into typed query parameters (`integer` → Neo4j integer, `date` → ISO date string
 * checked here, so the Cypher calls `date($from)`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import neo4j from "neo4j-driver";
import {
  SAVED_PARAM_TYPES,
  type SavedParamDto,
  type SavedParamType,
  type SavedQuestionDto,
} from "../../../contracts/query.js";
import { CYPHER_DIR } from "../../db/cypher.js";
import { ValidationError } from "../../errors.js";

/** Where saved questions live. */
export const SAVED_DIR = path.join(CYPHER_DIR, "saved");

const HEADER = /^\/\/\s*@(\w+)\s*(.*)$/;
const PARAM = /^(\w+)\s+(\w+)(?:\s*=\s*(.*?))?(?:\s+--\s+(.*))?$/;

/** Parses one saved question file; throws naming the file and the line when the header is wrong. */
export function parseSavedQuestion(name: string, text: string): SavedQuestionDto {
  let title = "";
  const description: string[] = [];
  const params: SavedParamDto[] = [];
  const body: string[] = [];
  let inHeader = true;
  text.split(/\r?\n/).forEach((line, index) => {
    const m = inHeader ? HEADER.exec(line.trim()) : null;
    if (!m) {
      // The header ends at the first line that is not a `// @tag` comment.
      if (inHeader && line.trim() === "") return;
      inHeader = false;
      body.push(line);
      return;
    }
    const [, tag, rest] = m as unknown as [string, string, string];
    if (tag === "title") title = rest.trim();
    else if (tag === "description") description.push(rest.trim());
    else if (tag === "param") params.push(parseParam(name, index + 1, rest.trim()));
    else
      throw new Error(
        `cypher/saved/${name}.cypher line ${index + 1}: unknown header tag @${tag} (use @title, @description, @param)`,
      );
  });
  if (!title) throw new Error(`cypher/saved/${name}.cypher: the header needs a // @title line`);
  return { name, title, description: description.join(" "), params, query: body.join("\n").trim() };
}

function parseParam(file: string, line: number, text: string): SavedParamDto {
  const m = PARAM.exec(text);
  if (!m)
    throw new Error(`cypher/saved/${file}.cypher line ${line}: write @param <name> <type> = <default> -- <label>`);
  const [, name, type, rawDefault, label] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  if (!(SAVED_PARAM_TYPES as readonly string[]).includes(type)) {
    throw new Error(
      `cypher/saved/${file}.cypher line ${line}: type ${type} is not one of ${SAVED_PARAM_TYPES.join(", ")}`,
    );
  }
  const t = type as SavedParamType;
  const def = rawDefault === undefined || rawDefault.trim() === "" ? null : parseDefault(t, rawDefault.trim());
  return { name, type: t, default: def, label: label?.trim() || name };
}

function parseDefault(type: SavedParamType, raw: string): string | number | boolean {
  if (type === "integer" || type === "float") return Number(raw);
  if (type === "boolean") return raw === "true";
  return raw.replace(/^"(.*)"$/, "$1");
}

/** Every saved question, sorted by title; files are re-read on each call so edits show without a restart. */
export function listSavedQuestions(dir = SAVED_DIR): SavedQuestionDto[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".cypher"));
  } catch {
    return [];
  }
  return files
    .map((f) => parseSavedQuestion(f.replace(/\.cypher$/, ""), readFileSync(path.join(dir, f), "utf8")))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** One saved question by name, or null. */
export function findSavedQuestion(name: string, dir = SAVED_DIR): SavedQuestionDto | null {
  return listSavedQuestions(dir).find((q) => q.name === name) ?? null;
}

/** Merges given values over the defaults and converts each to its declared type; a 400 names every bad field. */
export function savedParams(question: SavedQuestionDto, given: Record<string, unknown>): Record<string, unknown> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const unknown of Object.keys(given)) {
    if (!question.params.some((p) => p.name === unknown)) problems.push(`${unknown}: not a parameter of this question`);
  }
  for (const p of question.params) {
    const value = given[p.name] === undefined || given[p.name] === "" ? p.default : given[p.name];
    if (value === null || value === undefined) {
      out[p.name] = null;
      continue;
    }
    const converted = convert(p.type, value);
    if (converted === undefined)
      problems.push(`${p.name}: expected ${p.type === "date" ? "a date such as 2018-01-21" : `a ${p.type}`}`);
    else out[p.name] = converted;
  }
  if (problems.length > 0)
    throw new ValidationError(`Invalid parameters for "${question.title}": ${problems.join("; ")}`);
  return out;
}

function convert(type: SavedParamType, value: unknown): unknown {
  switch (type) {
    case "string":
      return String(value);
    case "integer": {
      const n = Number(value);
      return Number.isSafeInteger(n) ? neo4j.int(n) : undefined;
    }
    case "float": {
      const n = Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case "boolean":
      return value === true || value === "true" ? true : value === false || value === "false" ? false : undefined;
    case "date": {
      const s = String(value);
      return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined;
    }
  }
}
