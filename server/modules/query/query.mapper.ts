/**
 * Console result mapper
 * =====================
 *
 * Turns the driver values of an arbitrary query into plain JSON cells and collects every node, relationship and
 * path into one graph in the explorer's shape (graphology serialisation keyed by application ids). Element ids are
 * used here only to join relationships to their end nodes and never leave the server.
 */
import { createHash } from "node:crypto";
import { type Node, type Path, type Relationship, isNode, isPath, isRelationship } from "neo4j-driver";
import type { EdgeAttributes, NodeAttributes, SerializedEdge, SerializedNode } from "../../../contracts/graph.js";
import type { Json } from "../../../contracts/json.js";
import type { CellValue, NodeCell, PathCell, RelationshipCell } from "../../../contracts/query.js";
import { toJson, toJsonMap } from "../../db/values.js";

/** Node attributes sigma or the explorer reserve for rendering; data properties of these names are not copied. */
const RESERVED_NODE_KEYS = new Set([
  "type",
  "label",
  "category",
  "kind",
  "degree",
  "size",
  "color",
  "hidden",
  "zIndex",
  "highlighted",
  "forceLabel",
  "x",
  "y",
]);
const RESERVED_EDGE_KEYS = new Set(["type", "kind", "weight", "size", "color", "hidden", "zIndex", "label"]);
/** Large text kept out of graph attributes (it stays in the rows). */
const HEAVY_KEYS = new Set(["text", "aliasText"]);
/** Relationship kinds the explorer keys with the role title, so the same role keeps the same key in both views. */
const TITLED_KINDS = new Set(["holds_role", "party_to", "part_of"]);

type AnyNode = Node;
type AnyRelationship = Relationship;

/** The key of a node: its application `id`, or a stable hash of labels and properties for nodes without one. */
export function nodeKey(labels: string[], properties: Record<string, unknown>): string {
  const id = properties.id;
  if (typeof id === "string" && id.length > 0) return id;
  const json = toJsonMap(properties);
  if (typeof id === "number" || (json.id !== undefined && json.id !== null && typeof json.id !== "object"))
    return String(json.id);
  const canonical = JSON.stringify([[...labels].sort(), sortKeys(json)]);
  return `hash:${createHash("sha256").update(canonical).digest("hex").slice(0, 16)}`;
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k]!)]),
    );
  }
  return value;
}

/** Collects the graph of a result while mapping its cells; one instance per query. */
export class ResultMapper {
  private readonly nodes = new Map<string, SerializedNode>();
  /** element id → application key, for nodes already seen. */
  private readonly nodeKeys = new Map<string, string>();
  /** element id → edge key. */
  private readonly edgeKeys = new Map<string, string>();
  private readonly usedEdgeKeys = new Set<string>();
  private readonly edges = new Map<string, SerializedEdge>();
  /** Element ids of the result's entities (nodes with an application id), whose links the drawing may add. */
  private readonly entityElementIds = new Set<string>();
  /** Relationships whose end nodes were not (yet) seen in the result. */
  private readonly pending = new Map<string, AnyRelationship>();

  /** Maps one driver value to a cell, recording graph elements on the way. */
  cell(value: unknown): CellValue {
    if (isNode(value)) return this.node(value);
    if (isRelationship(value)) return this.relationship(value);
    if (isPath(value)) return this.path(value);
    if (Array.isArray(value)) return value.map((v) => this.cell(v));
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const out: { [key: string]: CellValue } = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.cell(v);
      return out;
    }
    return toJson(value);
  }

  /** Element ids of end nodes that relationships need but the result did not contain. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const rel of this.pending.values()) {
      if (!this.nodeKeys.has(rel.startNodeElementId)) missing.add(rel.startNodeElementId);
      if (!this.nodeKeys.has(rel.endNodeElementId)) missing.add(rel.endNodeElementId);
    }
    return [...missing];
  }

  /** Adds end nodes fetched afterwards (call `finish()` next). */
  addEndpoints(nodes: AnyNode[]): void {
    for (const node of nodes) this.node(node);
  }

  /** Element ids of the entity nodes collected (those with an application id) and of the relationships. */
  elementIds(): { entities: string[]; relationships: string[] } {
    return { entities: [...this.entityElementIds], relationships: [...this.edgeKeys.keys()] };
  }

  /**
   * Adds relationships the question did not return, between nodes it did (the links among them), as edges marked
   * `among`; they are in the drawing, not in the rows.
   */
  addLinksAmong(relationships: AnyRelationship[]): number {
    let added = 0;
    for (const rel of relationships) {
      const source = this.nodeKeys.get(rel.startNodeElementId);
      const target = this.nodeKeys.get(rel.endNodeElementId);
      if (source === undefined || target === undefined || this.edgeKeys.has(rel.elementId)) continue;
      const properties = toJsonMap(rel.properties);
      const key = this.edgeKey(rel, source, target, properties);
      this.edges.set(key, {
        key,
        source,
        target,
        attributes: { ...edgeAttributes(rel.type, properties), among: true },
      });
      added++;
    }
    return added;
  }

  /** The collected graph; degrees count the edges present in it. */
  graph(): { nodes: SerializedNode[]; edges: SerializedEdge[] } {
    const degree = new Map<string, number>();
    for (const e of this.edges.values()) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const nodes = [...this.nodes.values()].map((n) => ({
      key: n.key,
      attributes: { ...n.attributes, degree: degree.get(n.key) ?? 0 },
    }));
    return { nodes, edges: [...this.edges.values()] };
  }

  private node(node: AnyNode): NodeCell {
    const labels = [...node.labels];
    const key = this.nodeKeys.get(node.elementId) ?? nodeKey(labels, node.properties);
    this.nodeKeys.set(node.elementId, key);
    if (labels.includes("Entity")) this.entityElementIds.add(node.elementId);
    const properties = toJsonMap(node.properties);
    if (!this.nodes.has(key)) this.nodes.set(key, { key, attributes: nodeAttributes(labels, properties) });
    return { "@type": "node", key, labels, properties };
  }

  private relationship(rel: AnyRelationship): RelationshipCell {
    const properties = toJsonMap(rel.properties);
    const cell: RelationshipCell = {
      "@type": "relationship",
      key: "",
      type: rel.type,
      source: "",
      target: "",
      properties,
    };
    if (!this.resolve(rel, cell)) {
      // The end nodes may come later in the result or be fetched afterwards: `finish()` completes the cell.
      this.pending.set(rel.elementId, rel);
      this.deferred.push({ cell, rel });
    }
    return cell;
  }

  /** Fills a relationship cell and records its edge when both end nodes are known. */
  private resolve(rel: AnyRelationship, cell: RelationshipCell): boolean {
    const source = this.nodeKeys.get(rel.startNodeElementId);
    const target = this.nodeKeys.get(rel.endNodeElementId);
    if (source === undefined || target === undefined) return false;
    const key = this.edgeKey(rel, source, target, cell.properties);
    if (!this.edges.has(key))
      this.edges.set(key, { key, source, target, attributes: edgeAttributes(rel.type, cell.properties) });
    Object.assign(cell, { key, source, target });
    return true;
  }

  /** Cells made before their relationship's end nodes were known. */
  private readonly deferred: { cell: RelationshipCell; rel: AnyRelationship }[] = [];

  /** Completes the cells of relationships that were waiting for their end nodes. */
  finish(): void {
    for (const { cell, rel } of this.deferred) if (this.resolve(rel, cell)) this.pending.delete(rel.elementId);
    this.deferred.length = 0;
  }

  private path(path: Path): PathCell {
    const nodes = [this.node(path.start).key];
    const relationships: string[] = [];
    for (const segment of path.segments) {
      this.node(segment.start);
      nodes.push(this.node(segment.end).key);
      relationships.push(this.relationship(segment.relationship).key);
    }
    return { "@type": "path", length: path.length, nodes, relationships };
  }

  /** Keys as the explorer builds them (`met:a|b`, `holds_role:a->b:title`, `at:e->p`), unique per relationship. */
  private edgeKey(rel: AnyRelationship, source: string, target: string, properties: { [key: string]: Json }): string {
    const known = this.edgeKeys.get(rel.elementId);
    if (known) return known;
    const kind = rel.type.toLowerCase();
    let key: string;
    if (kind === "met") key = `met:${[source, target].sort().join("|")}`;
    else if (TITLED_KINDS.has(kind))
      key = `${kind}:${source}->${target}:${typeof properties.title === "string" ? properties.title : ""}`;
    else key = `${kind}:${source}->${target}`;
    // Two distinct relationships of one type between the same nodes: number the later ones.
    if (this.usedEdgeKeys.has(key)) {
      let n = 2;
      while (this.usedEdgeKeys.has(`${key}#${n}`)) n++;
      key = `${key}#${n}`;
    }
    this.edgeKeys.set(rel.elementId, key);
    this.usedEdgeKeys.add(key);
    return key;
  }
}

function nodeAttributes(labels: string[], properties: { [key: string]: Json }): NodeAttributes {
  const category =
    typeof properties.type === "string"
      ? properties.type
      : (labels.find((l) => l !== "Entity") ?? labels[0] ?? "node").toLowerCase();
  const label = firstString(properties.name, properties.title, properties.measure, properties.id) ?? labels.join(":");
  const kind = typeof properties.kind === "string" ? properties.kind : category;
  const attributes: NodeAttributes = { label, category, kind, labels };
  for (const [k, v] of Object.entries(properties))
    if (!RESERVED_NODE_KEYS.has(k) && !HEAVY_KEYS.has(k)) attributes[k] = v;
  if (typeof properties.x === "number" && typeof properties.y === "number")
    Object.assign(attributes, { x: properties.x, y: properties.y });
  return attributes;
}

function edgeAttributes(type: string, properties: { [key: string]: Json }): EdgeAttributes {
  const count = properties.count;
  const attributes: EdgeAttributes = {
    kind: type.toLowerCase(),
    weight: typeof count === "number" && count > 0 ? count : 1,
  };
  for (const [k, v] of Object.entries(properties)) if (!RESERVED_EDGE_KEYS.has(k)) attributes[k] = v;
  return attributes;
}

function firstString(...values: (Json | undefined)[]): string | null {
  for (const v of values) if (typeof v === "string" && v.length > 0) return v;
  return null;
}
