/**
 * Graph routes
 * ============
 *
 * `GET /api/graph` (the network for the explorer, filtered, within the element budget), `GET /api/timeline`
 * (events per month, same filters), `GET /api/diff` (two periods compared) and `GET /api/stats` (counts per label
 * and relationship type).
 */
import { diffGraphSchema, serializedGraphSchema } from "../../../contracts/graph.js";
import { statsDtoSchema, timelineDtoSchema } from "../../../contracts/api.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";
import { buildDiff } from "./graph.diff.js";
import { diffQuerySchema, graphQuerySchema, timelineQuerySchema } from "./graph.schemas.js";
import { buildOverview } from "./graph.service.js";
import { getStats, getTimeline } from "./graph.stats.js";

/** The graph routes. */
export function graphRoutes({ db, config }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/graph",
      summary: "The network in graphology's serialisation format, filtered, within the element budget",
      query: { schema: graphQuerySchema(config.graphBudget), what: "graph query" },
      response: serializedGraphSchema,
      errors: [400],
      cache: true,
      handler: ({ query }) => buildOverview(db, query),
    }),
    defineRoute({
      method: "get",
      path: "/diff",
      summary:
        "Two periods' who-met-whom networks in one graph: every tie marked added (only in b), removed (only in a) or kept, with its meetings in each",
      query: { schema: diffQuerySchema(config.graphBudget), what: "comparison query" },
      response: diffGraphSchema,
      errors: [400],
      cache: true,
      handler: ({ query }) => buildDiff(db, query),
    }),
    defineRoute({
      method: "get",
      path: "/stats",
      summary: "Node counts per label and relationship counts per type",
      response: statsDtoSchema,
      handler: () => getStats(db),
    }),
    defineRoute({
      method: "get",
      path: "/timeline",
      summary: "Events per month within the graph's filters (year-only dates per year, undated apart)",
      query: { schema: timelineQuerySchema, what: "timeline query" },
      response: timelineDtoSchema,
      errors: [400],
      cache: true,
      handler: ({ query }) => getTimeline(db, query),
    }),
  ];
}
