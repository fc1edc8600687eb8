/**
 * Cypher in CodeMirror
 * ====================
 *
 * Cypher highlighting (CodeMirror's Cypher stream mode) and a completion source that offers, by context, the
 * live schema's labels after `:`, relationship types inside `[...:`, property keys after `.`, and keywords,
 * functions and allowlisted procedures elsewhere.
 */
import {
  type Completion,
  type CompletionContext,
  type CompletionResult,
  autocompletion,
} from "@codemirror/autocomplete";
import { StreamLanguage, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import type { Extension } from "@codemirror/state";
import type { QuerySchemaDto } from "../../../../contracts/query";

const KEYWORDS = [
  "MATCH",
  "OPTIONAL MATCH",
  "WHERE",
  "RETURN",
  "WITH",
  "UNWIND",
  "ORDER BY",
  "SKIP",
  "LIMIT",
  "DISTINCT",
  "AS",
  "AND",
  "OR",
  "NOT",
  "XOR",
  "IN",
  "IS NULL",
  "IS NOT NULL",
  "STARTS WITH",
  "ENDS WITH",
  "CONTAINS",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  "UNION",
  "UNION ALL",
  "CALL",
  "YIELD",
  "EXISTS",
  "COUNT",
  "DESC",
  "ASC",
];
const FUNCTIONS = [
  "count",
  "collect",
  "size",
  "length",
  "nodes",
  "relationships",
  "labels",
  "type",
  "keys",
  "properties",
  "coalesce",
  "head",
  "last",
  "toLower",
  "toUpper",
  "toString",
  "toInteger",
  "date",
  "datetime",
  "duration",
  "shortestPath",
  "allShortestPaths",
  "startNode",
  "endNode",
  "min",
  "max",
  "avg",
  "sum",
  "range",
  "reduce",
  "any",
  "all",
  "none",
  "exists",
  "split",
  "trim",
];
const PROCEDURES = [
  "db.labels()",
  "db.relationshipTypes()",
  "db.propertyKeys()",
  "db.schema.visualization()",
  "db.index.fulltext.queryNodes('entity_names', '')",
  "db.index.fulltext.queryRelationships",
];

/** The schema the completion offers; replaced when the live schema arrives. */
export interface SchemaRef {
  current: QuerySchemaDto;
}

/** Completion by context, fed from `schema.current` at each keystroke so a late schema still counts. */
export function cypherCompletion(schema: SchemaRef) {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.state.sliceDoc(Math.max(0, context.pos - 200), context.pos);
    const word = context.matchBefore(/[\w$]*/);
    const from = word ? word.from : context.pos;
    const head = before.slice(0, before.length - (context.pos - from));
    if (/:\s*$/.test(head)) {
      // `[r:` or `-[:` is a relationship type; `(n:` or `n:` a label.
      const inRel = head.lastIndexOf("[") > head.lastIndexOf("]") && head.lastIndexOf("[") > head.lastIndexOf("(");
      const names = inRel ? schema.current.relationshipTypes : schema.current.labels;
      return {
        from,
        options: names.map((n) => ({ label: quoteName(n), type: inRel ? "type" : "class" })),
        validFor: /^\w*$/,
      };
    }
    if (/\.\s*$/.test(head) && !/\b(db|db\.index|db\.index\.fulltext|db\.schema)\.$/.test(head)) {
      return {
        from,
        options: schema.current.propertyKeys.map((k) => ({ label: quoteName(k), type: "property" })),
        validFor: /^\w*$/,
      };
    }
    if (/\bCALL\s+[\w.]*$/i.test(before)) {
      const call = context.matchBefore(/[\w.]*/)!;
      return { from: call.from, options: PROCEDURES.map((p) => ({ label: p, type: "function" })) };
    }
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const options: Completion[] = [
      ...KEYWORDS.map((k) => ({ label: k, type: "keyword" })),
      ...FUNCTIONS.map((f) => ({ label: f, type: "function", apply: `${f}(` })),
    ];
    return { from, options, validFor: /^\w*$/ };
  };
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}

/** Highlighting and completion for the console's editor. */
export function cypherSupport(schema: SchemaRef): Extension[] {
  return [
    StreamLanguage.define(cypher),
    syntaxHighlighting(defaultHighlightStyle),
    autocompletion({ override: [cypherCompletion(schema)] }),
  ];
}
