/**
 * Snapshot payloads
 * =================
 *
 * The body of `POST /api/snapshots` (a graph in graphology's serialisation format plus the explorer state that
 * produced it), the size limits, the query strings of the list and export routes, and the answers: the stored
 * view, the recent list, "open live" and the takedown. Shared by server and client; the types are inferred.
 */
import { z } from "zod";
import { portableGraphSchema, serializedGraphSchema } from "./graph.js";
import { snapshotIdSchema } from "./ids.js";
import { jsonSchema } from "./json.js";
import { CSV_PARTS, EXPORT_FORMATS } from "./vocabulary.js";

/** Version of the stored payload's shape; readers branch on it so old links keep working when the shape evolves. */
export const SNAPSHOT_FORMAT_VERSION = 1;

/** Largest JSON body `POST /api/snapshots` accepts (express `limit` syntax). */
export const SNAPSHOT_BODY_LIMIT = "5mb";
/** Most nodes and edges one snapshot may hold; beyond them the request gets a 413, like an oversize body. */
export const SNAPSHOT_MAX_NODES = 20_000;
export const SNAPSHOT_MAX_EDGES = 100_000;

const key = z.string().min(1).max(500);
const attributes = z.record(z.string().max(200), jsonSchema);
const slugs = z.array(z.string().max(200)).max(500);

const nodeSchema = z.object({ key, attributes: attributes.default({}) }).strict();
const edgeSchema = z
  .object({
    key: key.optional(),
    source: key,
    target: key,
    attributes: attributes.default({}),
    undirected: z.boolean().optional(),
  })
  .strict();

/** The filters of `GET /api/graph`, as the explorer keeps them (lists as arrays); "open live" re-runs them. */
export const snapshotFiltersSchema = z
  .object({
    view: z.string().max(50).optional(),
    kinds: slugs.optional(),
    eventKinds: slugs.optional(),
    topics: slugs.optional(),
    countries: slugs.optional(),
    roles: slugs.optional(),
    from: z.string().max(10).optional(),
    to: z.string().max(10).optional(),
    limit: z.number().int().positive().optional(),
  })
  .strict();

/**
 * What the explorer was showing beyond the graph. Every field is optional; unknown extra fields are kept (any
 * JSON) so the client may add state without a server change, and they count in the content hash like the rest.
 */
export const snapshotStateSchema = z
  .object({
    /** A text or Cypher query that produced the view, when it came from the query panel rather than filters. */
    query: z.union([z.string().max(20_000), z.record(z.string(), jsonSchema)]).optional(),
    filters: snapshotFiltersSchema.optional(),
    /** The explorer's view mode (met, events…). */
    view: z.string().max(50).optional(),
    timeWindow: z
      .object({ from: z.string().max(30).nullish(), to: z.string().max(30).nullish() })
      .strict()
      .optional(),
    selection: z.union([z.array(key).max(SNAPSHOT_MAX_NODES), z.record(z.string(), jsonSchema)]).optional(),
    camera: z
      .object({ x: z.number(), y: z.number(), ratio: z.number().positive(), angle: z.number().default(0) })
      .strict()
      .optional(),
    styling: z.record(z.string(), jsonSchema).optional(),
    /** "As known on": the day whose record the view showed (YYYY-MM-DD); absent for today's record. */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "asOf is a day written YYYY-MM-DD")
      .optional(),
  })
  .catchall(jsonSchema);

export const createSnapshotSchema = z
  .object({
    title: z.string().trim().max(200).default(""),
    note: z.string().max(5_000).default(""),
    graph: z
      .object({
        attributes: z.record(z.string(), jsonSchema).optional(),
        options: z
          .object({
            type: z.enum(["mixed", "directed", "undirected"]).optional(),
            multi: z.boolean().optional(),
            allowSelfLoops: z.boolean().optional(),
          })
          .strict()
          .optional(),
        nodes: z.array(nodeSchema),
        edges: z.array(edgeSchema).default([]),
      })
      .strict(),
    state: snapshotStateSchema.default({}),
  })
  .strict()
  .superRefine((body, ctx) => {
    // A graph whose edges point at missing nodes would not import into graphology: reject it now, not when opened.
    const keys = new Set<string>();
    body.graph.nodes.forEach((n, i) => {
      if (keys.has(n.key))
        ctx.addIssue({ code: "custom", path: ["graph", "nodes", i, "key"], message: `duplicate node key ${n.key}` });
      keys.add(n.key);
    });
    const edgeKeys = new Set<string>();
    body.graph.edges.forEach((e, i) => {
      for (const end of ["source", "target"] as const) {
        if (!keys.has(e[end]))
          ctx.addIssue({ code: "custom", path: ["graph", "edges", i, end], message: `no node with key ${e[end]}` });
      }
      if (e.key !== undefined) {
        if (edgeKeys.has(e.key))
          ctx.addIssue({ code: "custom", path: ["graph", "edges", i, "key"], message: `duplicate edge key ${e.key}` });
        edgeKeys.add(e.key);
      }
    });
  });

export type CreateSnapshotBody = z.output<typeof createSnapshotSchema>;
/** The body as the client sends it (defaults not yet applied). */
export type CreateSnapshotRequest = z.input<typeof createSnapshotSchema>;
export type SnapshotState = z.output<typeof snapshotStateSchema>;
export type SnapshotFilters = z.output<typeof snapshotFiltersSchema>;

/** `/api/snapshots/:id…` */
export const snapshotParamsSchema = z.object({ id: snapshotIdSchema });

export const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("json"),
  /** CSV only: one file per table, so spreadsheets and Gephi's import wizard read them as they are. */
  part: z.enum(CSV_PARTS).default("nodes"),
});

export const takedownBodySchema = z
  .object({ reason: z.string().trim().min(1).max(2_000).default("Taken down by an administrator.") })
  .strict();

/* ----------------------------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------------------------- */

/** `POST /api/snapshots` (201 when new, 200 when the same content was shared before): the id and the page's path. */
export const snapshotCreatedSchema = z.object({ id: z.string(), url: z.string().describe("/s/<id>") });
export type SnapshotCreated = z.infer<typeof snapshotCreatedSchema>;

/** What a snapshot stores (and hashes): the graph, the state, the title and note, and the format version. */
export const snapshotPayloadSchema = z.object({
  formatVersion: z.number().int(),
  title: z.string(),
  note: z.string(),
  graph: portableGraphSchema,
  state: snapshotStateSchema,
});
export type SnapshotPayload = z.infer<typeof snapshotPayloadSchema>;

/** A stored view as `GET /api/snapshots/:id` returns it. */
export const snapshotViewSchema = snapshotPayloadSchema.extend({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
});
export type SnapshotView = z.infer<typeof snapshotViewSchema>;

/** One row of `GET /api/snapshots` (recent first). */
export const snapshotSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string(),
  formatVersion: z.number().int(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  createdAt: z.string(),
  url: z.string(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

export const snapshotListSchema = z.object({ snapshots: z.array(snapshotSummarySchema) });

const liveNodeRef = z.object({ key: z.string(), label: z.string().nullable() });
const liveEdgeRef = z.object({
  key: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.string().nullable(),
});
export type LiveNodeRef = z.infer<typeof liveNodeRef>;
export type LiveEdgeRef = z.infer<typeof liveEdgeRef>;
const liveChanges = z.object({ nodes: z.array(liveNodeRef), edges: z.array(liveEdgeRef) });

/** "Open live" (`GET /api/snapshots/:id/live`): what the snapshot's filters show today, and what changed since. */
export const liveDiffSchema = z.discriminatedUnion("supported", [
  z.object({
    id: z.string(),
    takenAt: z.string(),
    supported: z.literal(true),
    filters: z.record(z.string(), z.unknown()),
    added: liveChanges,
    removed: liveChanges,
    unchanged: z.object({ nodes: z.number().int(), edges: z.number().int() }),
    graph: serializedGraphSchema,
  }),
  z.object({ id: z.string(), takenAt: z.string(), supported: z.literal(false), reason: z.string() }),
]);
export type LiveDiff = z.infer<typeof liveDiffSchema>;

/** `DELETE /api/snapshots/:id`. */
export const takedownSchema = z.object({ id: z.string(), takenDown: z.literal(true), reason: z.string() });
