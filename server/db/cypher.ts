/**
 * Cypher files
 * ============
 *
 * Loads the `.cypher` files under `cypher/` (schema, the server's queries, saved questions) once and caches them,
 * so Cypher lives in Cypher files and TypeScript only passes parameters. Templates are filled one way, checked:
 *
 * - Fragments: `{{degree(n)}}` (or `{{event-filters(e)}}`) is the text of `cypher/fragments/degree.cypher` about the caller's variable `n`. A
 *   fragment declares every variable it takes from its caller (`// @param node -- …`, in order), a call passes
 *   exactly those, and the fragment's text names them only as `{{node}}`: a fragment never needs a caller's variable
 *   by its name.
 * - Slots: what Cypher cannot take as a parameter (a label, a relationship type, a hop bound) is written `{{label}}`
 *   and filled by `cypher(name, { label: "Person" })` with values of the closed lists in `db/labels.ts` only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../config.js";
import {
  HOPS,
  isOneOf,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  STAGING_LABELS,
  type NodeLabel,
  type RelationshipType,
  type StagingLabel,
} from "./labels.js";

export const CYPHER_DIR = path.join(ROOT_DIR, "cypher");

/** The values a template's slots take, each from a closed list (checked again at run time). */
export interface CypherSlots {
  /** A node label (`MATCH (n:{{label}})`). */
  label?: NodeLabel;
  /** The labels of a relationship's two ends. */
  from?: NodeLabel;
  to?: NodeLabel;
  /** Several labels, written `A:B` (`SET n:{{labels}}`). */
  labels?: readonly NodeLabel[];
  /** The label of nodes a staged import has not published yet. */
  stagingLabel?: StagingLabel;
  /** A relationship type (`CREATE (a)-[:{{type}}]->(b)`). */
  type?: RelationshipType;
  /** A variable-length pattern's upper bound, an integer in `HOPS`. */
  max?: number;
}
export type CypherSlot = keyof CypherSlots;

/** How each slot's value is checked and written. */
const SLOT_CHECKS: { [S in CypherSlot]-?: (value: unknown) => string | null } = {
  label: (value) => (isOneOf(NODE_LABELS, value) ? value : null),
  from: (value) => (isOneOf(NODE_LABELS, value) ? value : null),
  to: (value) => (isOneOf(NODE_LABELS, value) ? value : null),
  labels: (value) =>
    Array.isArray(value) && value.length > 0 && value.every((label) => isOneOf(NODE_LABELS, label))
      ? value.join(":")
      : null,
  stagingLabel: (value) => (isOneOf(STAGING_LABELS, value) ? value : null),
  type: (value) => (isOneOf(RELATIONSHIP_TYPES, value) ? value : null),
  max: (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= HOPS.min && value <= HOPS.max
      ? String(value)
      : null,
};

/** `{{fragment(a, b)}}`: a fragment called with the caller's variables. */
const FRAGMENT_CALL = /\{\{([\w-]+)\(([^(){}]*)\)\}\}/g;
/** `{{name}}`: a slot in a query, a declared variable in a fragment. */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
/** `// @param node -- what it is`: a variable a fragment takes from its caller. */
const PARAM_LINE = /^\/\/\s*@param\s+(\w+)/;

const templates = new Map<string, string>();

/**
 * Returns the text of `cypher/<name>.cypher`, e.g. `cypher("queries/graph/actors")`, with its fragments resolved and
 * its slots filled from `slots`. Throws when a slot of the file has no value, a value is not in its closed list, or
 * a slot is given that the file does not have.
 */
export function cypher(name: string, slots: CypherSlots = {}): string {
  let template = templates.get(name);
  if (template === undefined) {
    template = resolveFragments(readCypher(name), name, readFragment);
    templates.set(name, template);
  }
  return fillSlots(template, name, slots);
}

/** The slots of a query file (`label`, `type`…), in order of first use. */
export function slotsOf(name: string): string[] {
  const text = templates.get(name) ?? resolveFragments(readCypher(name), name, readFragment);
  return placeholders(text);
}

/** Fills the `{{slot}}` placeholders of a resolved template; `name` is for messages. */
export function fillSlots(template: string, name: string, slots: CypherSlots): string {
  const needed = placeholders(template);
  for (const slot of Object.keys(slots)) {
    if (!needed.includes(slot)) throw new Error(`cypher(${name}): the file has no slot {{${slot}}} to fill.`);
  }
  const values = new Map<string, string>();
  for (const slot of needed) {
    if (!(slot in SLOT_CHECKS)) {
      throw new Error(
        `cypher(${name}): {{${slot}}} is not a known slot (${Object.keys(SLOT_CHECKS).join(", ")}; db/cypher.ts).`,
      );
    }
    const value = slots[slot as CypherSlot];
    if (value === undefined) throw new Error(`cypher(${name}): the slot {{${slot}}} needs a value.`);
    const written = SLOT_CHECKS[slot as CypherSlot](value);
    if (written === null) {
      throw new Error(`cypher(${name}): ${JSON.stringify(value)} is not allowed in {{${slot}}} (db/labels.ts).`);
    }
    values.set(slot, written);
  }
  return template.replace(PLACEHOLDER, (_match, slot: string) => values.get(slot)!);
}

/** A fragment: the variables it takes, in order, and its text without comment lines. */
export interface Fragment {
  params: string[];
  body: string;
}

/**
 * Replaces every `{{fragment(a, b)}}` of `text` by the fragment's body about the caller's variables, also inside
 * fragments (an event lists its citations). Throws, naming `where`, when a call passes a different number of
 * variables than the fragment declares, or a fragment's body uses a variable it does not declare (or declares one
 * it does not use).
 */
export function resolveFragments(text: string, where: string, read: (name: string) => Fragment): string {
  return text.replace(FRAGMENT_CALL, (_match, name: string, argText: string) => {
    const args = argText
      .split(",")
      .map((arg) => arg.trim())
      .filter((arg) => arg !== "");
    const fragment = read(name);
    const file = `cypher/fragments/${name}.cypher`;
    if (args.length !== fragment.params.length) {
      throw new Error(
        `${where}: {{${name}(${args.join(", ")})}} passes ${args.length} variable(s); ${file} declares ${fragment.params.length} (${fragment.params.join(", ")}).`,
      );
    }
    const badArg = args.find((arg) => !/^\w+$/.test(arg));
    if (badArg !== undefined) throw new Error(`${where}: "${badArg}" passed to ${file} is not a variable name.`);
    const body = resolveFragments(fragment.body, file, read);
    const used = placeholders(body);
    const undeclared = used.filter((p) => !fragment.params.includes(p));
    if (undeclared.length) {
      throw new Error(`${file}: uses {{${undeclared.join("}}, {{")}}} without a // @param line for it.`);
    }
    const unused = fragment.params.filter((p) => !used.includes(p));
    if (unused.length) throw new Error(`${file}: declares @param ${unused.join(", ")} but never uses it.`);
    return body.replace(PLACEHOLDER, (_placeholder, param: string) => args[fragment.params.indexOf(param)]!);
  });
}

/** Parses a fragment file: its `// @param` lines, and its text without comment lines. */
export function parseFragment(text: string): Fragment {
  const lines = text.split("\n");
  const params = lines.flatMap((line) => {
    const m = PARAM_LINE.exec(line.trim());
    return m ? [m[1]!] : [];
  });
  const body = lines
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .trim();
  return { params, body };
}

function readCypher(name: string): string {
  return readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
}

function readFragment(name: string): Fragment {
  return parseFragment(readCypher(`fragments/${name}`));
}

/** The distinct `{{name}}` placeholders of a text, in order of first use. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Splits a file of several statements on `;` at line ends, dropping `//` comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
