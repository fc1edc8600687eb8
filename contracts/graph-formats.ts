/**
 * Graph file formats
 * ==================
 *
 * Pure serialisers shared by the server's snapshot exports and the explorer's in-browser exports: GraphML (written
 * here, since graphology-graphml only parses), CSV tables, and the attribute flattening that GEXF and GraphML need.
 * No Node or DOM APIs, so the client bundles this file as it is; GEXF itself is written by graphology-gexf.
 *
 * Attribute rules (documented in docs/snapshots.md):
 * - `null`/missing values are left out (neither format has a null), and so are empty lists in GEXF (a column of
 *   only empty lists would get no type, and one list type cannot tell `[]` from a missing value reliably);
 * - GEXF keeps lists of strings or of numbers as GEXF 1.3 list types (`liststring`, `listdouble`…);
 * - GraphML has no list type, so every list and object is written as its JSON text;
 * - in both, objects (and mixed lists in GEXF) become JSON text;
 * - CSV joins lists of scalars with `|` and writes objects as JSON.
 */
import type { PortableGraph } from "./graph.js";
import type { Json } from "./json.js";

type Attrs = Record<string, unknown>;

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Attributes as GEXF can hold them: nulls and empty lists dropped, homogeneous string/number lists kept, the rest as JSON text. */
export function gexfAttributes(attributes: Attrs | undefined): Attrs {
  const out: Attrs = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (isScalar(value)) out[name] = value;
    else if (
      Array.isArray(value) &&
      value.length > 0 &&
      (value.every((v) => typeof v === "string") || value.every((v) => typeof v === "number"))
    ) {
      out[name] = value;
    } else out[name] = JSON.stringify(value as Json);
  }
  return out;
}

/** Attributes as GraphML can hold them: nulls dropped, every list and object as JSON text. */
export function graphmlAttributes(attributes: Attrs | undefined): Attrs {
  const out: Attrs = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined) continue;
    out[name] = isScalar(value) ? value : JSON.stringify(value as Json);
  }
  return out;
}

/** The graph with every node and edge attribute passed through `flatten` and every edge given a key. */
export function flattenGraph(graph: PortableGraph, flatten: (a: Attrs | undefined) => Attrs): PortableGraph {
  return {
    ...(graph.options ? { options: graph.options } : {}),
    attributes: flatten(graph.attributes),
    nodes: graph.nodes.map((n) => ({ key: n.key, attributes: flatten(n.attributes) })),
    edges: graph.edges.map((e, i) => ({
      key: e.key ?? `e${i}`,
      source: e.source,
      target: e.target,
      attributes: flatten(e.attributes),
      ...(e.undirected ? { undirected: true } : {}),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// GraphML
// ---------------------------------------------------------------------------------------------------------------

// Characters XML 1.0 forbids even escaped; they are dropped rather than produce a file Gephi refuses.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an XML attribute value or element content. */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

type GraphmlType = "boolean" | "int" | "long" | "double" | "string";
const TYPE_RANK: Record<GraphmlType, number> = { boolean: 0, int: 1, long: 2, double: 3, string: 4 };

function graphmlTypeOf(value: unknown): GraphmlType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "double";
    return Math.abs(value) <= 0x7fffffff ? "int" : "long";
  }
  return "string";
}

/** The widest type each attribute name needs across the elements; booleans mixed with numbers become strings. */
function inferKeys(elements: Attrs[]): Map<string, GraphmlType> {
  const types = new Map<string, GraphmlType>();
  for (const attrs of elements) {
    for (const [name, value] of Object.entries(attrs)) {
      const t = graphmlTypeOf(value);
      const current = types.get(name);
      if (!current) types.set(name, t);
      else if (current !== t) {
        const mixesBoolean = current === "boolean" || t === "boolean";
        types.set(name, mixesBoolean ? "string" : TYPE_RANK[t] > TYPE_RANK[current] ? t : current);
      }
    }
  }
  return types;
}

/**
 * Writes a serialised graph as GraphML (1.0, the version Gephi, yEd, Cytoscape and NetworkX read), with one
 * `<key>` per attribute name and typed values; lists and objects as JSON text (see the banner).
 */
export function toGraphML(input: PortableGraph): string {
  const graph = flattenGraph(input, graphmlAttributes);
  const scopes = {
    graph: inferKeys([graph.attributes ?? {}]),
    node: inferKeys(graph.nodes.map((n) => n.attributes ?? {})),
    edge: inferKeys(graph.edges.map((e) => e.attributes ?? {})),
  };
  const ids = { graph: new Map<string, string>(), node: new Map<string, string>(), edge: new Map<string, string>() };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const scope of ["graph", "node", "edge"] as const) {
    let i = 0;
    for (const [name, type] of scopes[scope]) {
      // Key ids are positional (`n0`, `e3`): attribute names may hold characters an XML id should not.
      const id = `${scope[0]}${i++}`;
      ids[scope].set(name, id);
      lines.push(`  <key id="${id}" for="${scope}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`);
    }
  }
  const data = (scope: "graph" | "node" | "edge", attrs: Attrs | undefined, indent: string) =>
    Object.entries(attrs ?? {}).map(
      ([name, value]) => `${indent}<data key="${ids[scope].get(name)}">${xmlEscape(String(value))}</data>`,
    );
  const type = graph.options?.type ?? "mixed";
  lines.push(`  <graph id="G" edgedefault="${type === "undirected" ? "undirected" : "directed"}">`);
  lines.push(...data("graph", graph.attributes, "    "));
  for (const node of graph.nodes) {
    const body = data("node", node.attributes, "      ");
    if (body.length === 0) lines.push(`    <node id="${xmlEscape(node.key)}"/>`);
    else lines.push(`    <node id="${xmlEscape(node.key)}">`, ...body, "    </node>");
  }
  for (const edge of graph.edges) {
    // In a mixed graph the default is directed; undirected edges say so on their own.
    const directed = type === "mixed" && edge.undirected ? ' directed="false"' : "";
    const open = `    <edge id="${xmlEscape(edge.key!)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"${directed}`;
    const body = data("edge", edge.attributes, "      ");
    if (body.length === 0) lines.push(`${open}/>`);
    else lines.push(`${open}>`, ...body, "    </edge>");
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------------------------

/** One CSV cell (RFC 4180): lists joined with `|`, objects as JSON, and spreadsheet formulas defused. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (Array.isArray(value) && value.every(isScalar)) text = value.join("|");
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  // A text cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection): prefix a quote.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes the nodes (`key` then every attribute name, sorted) or the edges (`key`, `source`, `target`, `undirected`,
 * then every attribute) as one CSV table with a header row, CRLF line ends.
 */
export function toCsv(graph: PortableGraph, part: "nodes" | "edges"): string {
  const rows: Attrs[] =
    part === "nodes"
      ? graph.nodes.map((n) => ({ ...n.attributes, key: n.key }))
      : graph.edges.map((e, i) => ({
          ...e.attributes,
          key: e.key ?? `e${i}`,
          source: e.source,
          target: e.target,
          undirected: e.undirected === true,
        }));
  const fixed = part === "nodes" ? ["key"] : ["key", "source", "target", "undirected"];
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) if (!fixed.includes(name)) names.add(name);
  const columns = [...fixed, ...[...names].sort()];
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A full date (YYYY-MM-DD) from the first of `values` that is one, or null. */
function fullDate(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === "string" && FULL_DATE.test(value)) return value;
  return null;
}

/**
 * A GEXF document made dynamic, so that Gephi's timeline can play it: events appear on their day (`dateStart`, or a
 * full `date`), a who-met-whom tie lives from its first meeting to its last (`first`, `last`), and a link to an event
 * from the event's day on. Actors and everything undated are always there (no `start`). A graph without any dated
 * element stays static. `xml` is graphology-gexf's output for `graph`.
 */
export function withGexfTimes(xml: string, graph: PortableGraph): string {
  type Spell = { start: string; end: string | null };
  const nodeSpell = new Map<string, Spell>();
  const edgeSpell = new Map<string, Spell>();
  for (const node of graph.nodes) {
    const a = node.attributes ?? {};
    const start = fullDate(a.dateStart, a.date);
    if (start) nodeSpell.set(node.key, { start, end: fullDate(a.dateEnd) });
  }
  graph.edges.forEach((edge, i) => {
    const a = edge.attributes ?? {};
    const first = fullDate(a.first);
    const event = nodeSpell.get(edge.source) ?? nodeSpell.get(edge.target);
    const spell = first ? { start: first, end: fullDate(a.last) } : event ? { start: event.start, end: null } : null;
    if (spell) edgeSpell.set(edge.key ?? `e${i}`, spell);
  });
  if (nodeSpell.size + edgeSpell.size === 0) return xml;
  const times = (spell: Spell) =>
    ` start="${spell.start}"${spell.end && spell.end !== spell.start ? ` end="${spell.end}"` : ""}`;
  return xml
    .replace(/<graph\b([^>]*?)(\s+mode="[^"]*")?([^>]*)>/, '<graph$1$3 mode="dynamic" timeformat="date">')
    .replace(/<(node|edge) id="([^"]*)"/g, (match, tag: string, id: string) => {
      const key = id.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
      const spell = (tag === "node" ? nodeSpell : edgeSpell).get(key);
      return spell ? `${match}${times(spell)}` : match;
    });
}
