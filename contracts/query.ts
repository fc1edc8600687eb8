/**
 * Console payloads
 * ================
 *
 * The JSON shapes of the safe Cypher console (`POST /api/query`, `GET /api/query/schema`, `GET /api/saved`,
 * `POST /api/saved/:name/run`), shared by server and client. Nodes and relationships are keyed by application ids;
 * Neo4j element ids never appear. The zod schemas are the source; the types are inferred.
 */
import { z } from "zod";
import { serializedEdgeSchema, serializedNodeSchema } from "./graph.js";
import { type Json, jsonSchema } from "./json.js";

/** A node in a result row: its application key (the `id` property, or a stable hash), labels and properties. */
export const nodeCellSchema = z.object({
  "@type": z.literal("node"),
  key: z.string(),
  labels: z.array(z.string()),
  properties: z.record(z.string(), jsonSchema),
});
export type NodeCell = z.infer<typeof nodeCellSchema>;

/** A relationship in a result row, with the application keys of its end nodes. */
export const relationshipCellSchema = z.object({
  "@type": z.literal("relationship"),
  key: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), jsonSchema),
});
export type RelationshipCell = z.infer<typeof relationshipCellSchema>;

/** A path in a result row: its nodes and relationships by key, in order. */
export const pathCellSchema = z.object({
  "@type": z.literal("path"),
  length: z.number().int(),
  nodes: z.array(z.string()),
  relationships: z.array(z.string()),
});
export type PathCell = z.infer<typeof pathCellSchema>;

/** One value of a result row: JSON, or a graph element (possibly nested in lists and maps). */
export type CellValue = Json | NodeCell | RelationshipCell | PathCell | CellValue[] | { [key: string]: CellValue };
export const cellValueSchema: z.ZodType<CellValue> = z
  .lazy(() =>
    z.union([
      nodeCellSchema,
      relationshipCellSchema,
      pathCellSchema,
      jsonSchema,
      z.array(cellValueSchema),
      z.record(z.string(), cellValueSchema),
    ]),
  )
  .meta({ id: "CellValue" });

/** A position in the query text, 1-based (with the 0-based offset when known), as errors and notifications give it. */
export const queryPositionSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  offset: z.number().int().optional(),
});
export type QueryPosition = z.infer<typeof queryPositionSchema>;

/** A Neo4j notification about the query (deprecations, cartesian products, unknown labels…). */
export const queryNotificationSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  position: queryPositionSchema.nullable(),
});
export type QueryNotification = z.infer<typeof queryNotificationSchema>;

/** The answer of `POST /api/query` and `POST /api/saved/:name/run`. */
export const queryResultDtoSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(cellValueSchema)),
  /** Every node and relationship found in the rows, in graphology's serialisation format. */
  graph: z.object({ nodes: z.array(serializedNodeSchema), edges: z.array(serializedEdgeSchema) }),
  /** True when the row cap cut the result. */
  truncated: z.boolean(),
  elapsedMs: z.number(),
  notifications: z.array(queryNotificationSchema),
});
export type QueryResultDto = z.infer<typeof queryResultDtoSchema>;

/** Longest query text the console runs (characters); the body may carry up to twice that, to say how long. */
export const MAX_QUERY_LENGTH = 20_000;

/** The request of `POST /api/query`: the query text (its length checked later, with a message that says how long) and its parameters. */
export const queryRequestSchema = z.object({
  query: z
    .string()
    .min(1, "write a Cypher query")
    .max(MAX_QUERY_LENGTH * 2, "the query is far too long"),
  params: z
    .record(z.string().regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, "parameter names are letters, digits and _"), z.unknown())
    .default({}),
});
export type QueryRequestDto = z.input<typeof queryRequestSchema>;

/** Labels, relationship types and property keys of the live database, for autocompletion. */
export const querySchemaDtoSchema = z.object({
  labels: z.array(z.string()),
  relationshipTypes: z.array(z.string()),
  propertyKeys: z.array(z.string()),
});
export type QuerySchemaDto = z.infer<typeof querySchemaDtoSchema>;

/** Types a saved question's parameter can have. */
export const SAVED_PARAM_TYPES = ["string", "integer", "float", "boolean", "date"] as const;
export type SavedParamType = (typeof SAVED_PARAM_TYPES)[number];

/** One parameter of a saved question, with its default. */
export const savedParamDtoSchema = z.object({
  name: z.string(),
  type: z.enum(SAVED_PARAM_TYPES),
  default: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** Plain-language label for the form. */
  label: z.string(),
});
export type SavedParamDto = z.infer<typeof savedParamDtoSchema>;

/** A saved question as listed by `GET /api/saved`. */
export const savedQuestionDtoSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(savedParamDtoSchema),
  /** The Cypher text (without its header), so the console can open it in the editor. */
  query: z.string(),
});
export type SavedQuestionDto = z.infer<typeof savedQuestionDtoSchema>;

/** The answer of `GET /api/saved`. */
export const savedQuestionsDtoSchema = z.object({ questions: z.array(savedQuestionDtoSchema) });
export type SavedQuestionsDto = z.infer<typeof savedQuestionsDtoSchema>;

/** `{params}` for a saved question; values are coerced to each parameter's declared type. */
export const savedRunRequestSchema = z.object({
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});

/** The saved question's file name, without `.cypher`. */
export const savedNameSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, "a saved question name such as who-met-actor-between-dates"),
});
