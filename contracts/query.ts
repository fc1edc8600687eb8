/**
 * Console payloads
 * ================
 *
 * The JSON shapes of the safe Cypher console (`POST /api/query`, `GET /api/query/schema`, `GET /api/saved`,
 * `POST /api/saved/:name/run`), shared by server and client. Nodes and relationships are keyed by application ids;
 * Neo4j element ids never appear.
 */
import type { SerializedEdge, SerializedNode } from "./graph.js";

/** Plain JSON as produced by server/db/values.ts. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A node in a result row: its application key (the `id` property, or a stable hash), labels and properties. */
export interface NodeCell {
  "@type": "node";
  key: string;
  labels: string[];
  properties: { [key: string]: JsonValue };
}

/** A relationship in a result row, with the application keys of its end nodes. */
export interface RelationshipCell {
  "@type": "relationship";
  key: string;
  type: string;
  source: string;
  target: string;
  properties: { [key: string]: JsonValue };
}

/** A path in a result row: its nodes and relationships by key, in order. */
export interface PathCell {
  "@type": "path";
  length: number;
  nodes: string[];
  relationships: string[];
}

/** One value of a result row: JSON, or a graph element (possibly nested in lists and maps). */
export type CellValue = JsonValue | NodeCell | RelationshipCell | PathCell | CellValue[] | { [key: string]: CellValue };

/** A Neo4j notification about the query (deprecations, cartesian products, unknown labels…). */
export interface QueryNotification {
  code: string;
  title: string;
  description: string;
  severity: string;
  position: { line: number; column: number } | null;
}

/** The answer of `POST /api/query` and `POST /api/saved/:name/run`. */
export interface QueryResultDto {
  columns: string[];
  rows: CellValue[][];
  /** Every node and relationship found in the rows, in graphology's serialisation format. */
  graph: { nodes: SerializedNode[]; edges: SerializedEdge[] };
  /** True when the row cap cut the result. */
  truncated: boolean;
  elapsedMs: number;
  notifications: QueryNotification[];
}

/** The request of `POST /api/query`. */
export interface QueryRequestDto {
  query: string;
  params?: Record<string, unknown>;
}

/** Labels, relationship types and property keys of the live database, for autocompletion. */
export interface QuerySchemaDto {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

/** Types a saved question's parameter can have. */
export const SAVED_PARAM_TYPES = ["string", "integer", "float", "boolean", "date"] as const;
export type SavedParamType = (typeof SAVED_PARAM_TYPES)[number];

/** One parameter of a saved question, with its default. */
export interface SavedParamDto {
  name: string;
  type: SavedParamType;
  default: string | number | boolean | null;
  /** Plain-language label for the form. */
  label: string;
}

/** A saved question as listed by `GET /api/saved`. */
export interface SavedQuestionDto {
  name: string;
  title: string;
  description: string;
  params: SavedParamDto[];
  /** The Cypher text (without its header), so the console can open it in the editor. */
  query: string;
}

/** The answer of `GET /api/saved`. */
export interface SavedQuestionsDto {
  questions: SavedQuestionDto[];
}
