/**
 * Articles request schemas
 * ========================
 *
 * Parameters of `GET /api/articles/:id` and `GET /api/timeline` (the graph's filters without the view and budget).
 */
import { z } from "zod";
import { idSchema } from "../../../contracts/ids.js";
import { graphQuerySchema } from "../graph/graph.schemas.js";

export const articleParamsSchema = z.object({ id: idSchema });

/** The timeline takes the same filters as /api/graph; `view` and `limit` are accepted and ignored. */
export const timelineQuerySchema = graphQuerySchema(1_000_000);
export type TimelineQuery = z.output<typeof timelineQuerySchema>;
