/**
 * Actors request schemas
 * ======================
 *
 * Path and query parameters of the node, neighbours, search, path and edge endpoints. Ids are application ids
 * (slugs); page sizes are bounded per endpoint (lists at most 1,000 per page).
 */
import { z } from "zod";
import { idSchema } from "../../../contracts/ids.js";
import { asOfField } from "../history/history.schemas.js";

/** Largest page a list endpoint returns. */
export const MAX_PAGE = 1_000;
/** Longest path (in relationships) that /api/path searches; actor–event–actor is 2. */
export const MAX_PATH_HOPS = 12;

export const nodeParamsSchema = z.object({ id: idSchema });

/**
 * Events per page of node details: a hub's thousands of meetings come a page at a time. 25 fill the panel; each
 * event carries its participants and citations, so a page costs about 0.1 ms per event in Neo4j (measured at 1M).
 */
export const EVENTS_PAGE = 25;

export const nodeQuerySchema = z.object({
  events: z.coerce.number().int().min(0).max(MAX_PAGE).default(EVENTS_PAGE),
  eventsOffset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  ...asOfField,
});
export type NodeQuery = z.output<typeof nodeQuerySchema>;

export const neighborsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type NeighborsQuery = z.output<typeof neighborsQuerySchema>;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "give some text to search for, e.g. ?q=rouhani")
    .max(200, "a search is at most 200 characters"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const pathQuerySchema = z
  .object({
    from: idSchema,
    to: idSchema,
    max: z.coerce.number().int().min(2).max(MAX_PATH_HOPS).default(8),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .refine((q) => q.from !== q.to, { message: "from and to must be different nodes", path: ["to"] });
export type PathQuery = z.output<typeof pathQuerySchema>;

export const edgeParamsSchema = z.object({ source: idSchema, target: idSchema });
