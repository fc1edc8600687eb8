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
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
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

/**
 * Token colours from the page's theme variables (styles.css `--code-*`): CodeMirror's default style is made for a
 * white background, and its blues and purples fell below 3:1 on the dark theme's panel.
 */
const themedHighlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--code-keyword)" },
  { tag: [tags.atom, tags.bool, tags.null], color: "var(--code-atom)" },
  { tag: [tags.number, tags.literal], color: "var(--code-number)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--code-string)" },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: "var(--code-variable)" },
  { tag: [tags.typeName, tags.className, tags.labelName], color: "var(--code-type)" },
  { tag: tags.comment, color: "var(--code-comment)", fontStyle: "italic" },
  { tag: tags.invalid, color: "var(--error)" },
]);

/** The editor's own colours (text, caret, selection, gutter, completion popup) from the theme variables. */
const themedEditor = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--panel)" },
  ".cm-content": { caretColor: "var(--fg)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "var(--code-selection)" },
  ".cm-activeLine": { backgroundColor: "var(--code-active-line)" },
  ".cm-gutters": { backgroundColor: "var(--panel-2)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--code-active-line)", color: "var(--fg)" },
  ".cm-placeholder": { color: "var(--muted)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--link)", color: "var(--on-link)" },
  ".cm-completionDetail": { color: "var(--muted)" },
});

/** Highlighting and completion for the console's editor. */
export function cypherSupport(schema: SchemaRef): Extension[] {
  return [
    StreamLanguage.define(cypher),
    syntaxHighlighting(themedHighlightStyle),
    themedEditor,
    autocompletion({ override: [cypherCompletion(schema)] }),
  ];
}
