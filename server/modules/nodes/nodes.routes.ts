/**
 * Nodes routes
 * ============
 *
 * `GET /api/nodes/:id`, `/api/nodes/:id/neighbors`, `/api/search`, `/api/path` and `/api/edges/:source/:target`:
 * what the explorer's details panel, search box and path finder ask about one node or a pair.
 */
import {
  edgeEventsDtoSchema,
  neighborsPageDtoSchema,
  nodeDetailsDtoSchema,
  pathDtoSchema,
  searchResultsDtoSchema,
} from "../../../contracts/api.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";
import {
  edgeParamsSchema,
  neighborsQuerySchema,
  nodeParamsSchema,
  nodeQuerySchema,
  pathQuerySchema,
  searchQuerySchema,
} from "./nodes.schemas.js";
import { findPaths, getEdgeEvents, getNeighbors, getNodeDetails, search } from "./nodes.service.js";

/** The nodes routes. */
export function nodesRoutes({ db }: RouteDeps): Route[] {
  const nodeParams = { schema: nodeParamsSchema, what: "node id" };
  return [
    defineRoute({
      method: "get",
      path: "/nodes/:id",
      summary:
        "A node's details: roles, events with participants and evidence (a page at a time: ?events=&eventsOffset=), agreements, quantities",
      params: nodeParams,
      query: { schema: nodeQuerySchema, what: "node details query" },
      response: nodeDetailsDtoSchema,
      errors: [400, 404],
      cache: true,
      handler: ({ params, query }) => getNodeDetails(db, params.id, query),
    }),
    defineRoute({
      method: "get",
      path: "/nodes/:id/neighbors",
      summary: "A page of neighbours ordered by evidence count, with the total and an ego graph",
      params: nodeParams,
      query: { schema: neighborsQuerySchema, what: "neighbours query" },
      response: neighborsPageDtoSchema,
      errors: [400, 404],
      cache: true,
      handler: ({ params, query }) => getNeighbors(db, params.id, query),
    }),
    defineRoute({
      method: "get",
      path: "/search",
      summary: "Ranked full-text matches over names, aliases and role titles (prefix, diacritics folded)",
      query: { schema: searchQuerySchema, what: "search query" },
      response: searchResultsDtoSchema,
      errors: [400],
      // Full-text search is the costliest open read: it spends the same budget as writes.
      rateLimit: "shared",
      cache: true,
      handler: ({ query }) => search(db, query),
    }),
    defineRoute({
      method: "get",
      path: "/path",
      summary: "Shortest paths between two actors through events",
      query: { schema: pathQuerySchema, what: "path query" },
      response: pathDtoSchema,
      errors: [400, 404],
      cache: true,
      handler: ({ query }) => findPaths(db, query),
    }),
    defineRoute({
      method: "get",
      path: "/edges/:source/:target",
      summary: "The encounters behind a met link, in time order",
      params: { schema: edgeParamsSchema, what: "edge ends" },
      response: edgeEventsDtoSchema,
      errors: [400, 404],
      cache: true,
      handler: ({ params }) => getEdgeEvents(db, params.source, params.target),
    }),
  ];
}
