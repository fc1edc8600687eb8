/**
 * Graph payloads
 * ==============
 *
 * The API speaks graphology's serialisation format keyed by application ids, so the client can `graph.import()` it,
 * Gephi Lite can read it, and snapshots store it unchanged. The zod schemas are the source; the types are inferred.
 */
import { z } from "zod";

export const nodeAttributesSchema = z.looseObject({
  label: z.string(),
  /**
   * Node type: person, government, organization, country, place, agreement, event, topic. Named `category`
   * because sigma reserves a node's `type` attribute for its render program.
   */
  category: z.string().describe("person, government, organization, country, place, agreement, event, topic"),
  /** Open vocabulary, e.g. meeting, visit, ministry. */
  kind: z.string().describe("Open vocabulary, e.g. meeting, visit, ministry"),
  degree: z.number().optional(),
  date: z.string().nullable().optional(),
  datePrecision: z.string().nullable().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
});
export type NodeAttributes = z.infer<typeof nodeAttributesSchema>;

export const edgeAttributesSchema = z.looseObject({
  /** Relationship kind: met, participated_in, holds_role, party_to, produced, at, in_country, part_of. */
  kind: z.string().describe("met, participated_in, holds_role, party_to, produced, at, about, in_country, part_of"),
  weight: z.number(),
});
export type EdgeAttributes = z.infer<typeof edgeAttributesSchema>;

export const serializedNodeSchema = z.object({ key: z.string(), attributes: nodeAttributesSchema });
export type SerializedNode = z.infer<typeof serializedNodeSchema>;

export const serializedEdgeSchema = z.object({
  key: z.string(),
  source: z.string(),
  target: z.string(),
  attributes: edgeAttributesSchema,
});
export type SerializedEdge = z.infer<typeof serializedEdgeSchema>;

/** graphology's graph options, as `graph.export()` writes them. */
export const graphOptionsSchema = z.object({
  type: z.enum(["mixed", "directed", "undirected"]).optional(),
  multi: z.boolean().optional(),
  allowSelfLoops: z.boolean().optional(),
});

export const serializedGraphSchema = z
  .object({
    attributes: z.record(z.string(), z.unknown()).optional(),
    options: graphOptionsSchema.optional(),
    nodes: z.array(serializedNodeSchema),
    edges: z.array(serializedEdgeSchema),
  })
  .describe("graphology serialisation, keyed by application ids");
export type SerializedGraph = z.infer<typeof serializedGraphSchema>;

/** How a tie or an actor compares between two periods: only in the later one, only in the earlier one, in both. */
export const DIFF_CHANGES = ["added", "removed", "kept"] as const;
export type DiffChange = (typeof DIFF_CHANGES)[number];

/**
 * `GET /api/diff`: the who-met-whom network of two periods in one graph. Every edge is a tie (a pair that met) with
 * its meetings in period A (`countA`) and in period B (`countB`) and its `change`; every node says whether it is in
 * A's network, B's or both.
 */
export const diffGraphSchema = serializedGraphSchema
  .extend({
    attributes: z.object({
      a: z.object({ from: z.string(), to: z.string(), events: z.number().int() }),
      b: z.object({ from: z.string(), to: z.string(), events: z.number().int() }),
      added: z.number().int().describe("ties only in B"),
      removed: z.number().int().describe("ties only in A"),
      kept: z.number().int().describe("ties in both"),
      truncated: z.boolean(),
    }),
    nodes: z.array(
      serializedNodeSchema.extend({ attributes: nodeAttributesSchema.extend({ change: z.enum(DIFF_CHANGES) }) }),
    ),
    edges: z.array(
      serializedEdgeSchema.extend({
        attributes: edgeAttributesSchema.extend({
          change: z.enum(DIFF_CHANGES),
          countA: z.number().int().describe("meetings of the pair in period A"),
          countB: z.number().int().describe("meetings of the pair in period B"),
        }),
      }),
    ),
  })
  .describe(
    "two periods' who-met-whom networks in one graphology serialisation, each tie marked added, removed or kept",
  );
export type DiffGraph = z.infer<typeof diffGraphSchema>;

/**
 * A serialised graph as snapshots store and export it: graphology's `graph.export()` with any attributes (edges may
 * lack keys and be undirected in a mixed graph).
 */
export const portableGraphSchema = z.object({
  attributes: z.record(z.string(), z.unknown()).optional(),
  options: graphOptionsSchema.optional(),
  nodes: z.array(z.object({ key: z.string(), attributes: z.record(z.string(), z.unknown()).optional() })),
  edges: z.array(
    z.object({
      key: z.string().optional(),
      source: z.string(),
      target: z.string(),
      attributes: z.record(z.string(), z.unknown()).optional(),
      undirected: z.boolean().optional(),
    }),
  ),
});
export type PortableGraph = z.infer<typeof portableGraphSchema>;
