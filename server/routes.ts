/**
 * Route registry
 * ==============
 *
 * Every API route, module by module, in one list: Express mounts it (with each route's budget, admin check, body
 * reader and cache, server/http/route.ts) and the OpenAPI document describes it (server/openapi.ts), so a route
 * cannot be served without being documented. Module names match their URLs: `graph` serves /api/graph,
 * /api/timeline and /api/stats; `articles` /api/articles…; `nodes` /api/nodes/:id, /api/search, /api/path and
 * /api/edges (what the explorer asks about one node or a pair); `curation` the writes to nodes and the review queue.
 */
import { Router } from "express";
import type { RouteDeps } from "./app-deps.js";
import { notFoundHandler } from "./errors.js";
import { rateLimit } from "./http/rate-limit.js";
import { type Route, routeHandlers } from "./http/route.js";
import { articlesRoutes } from "./modules/articles/articles.routes.js";
import { curationRoutes } from "./modules/curation/curation.routes.js";
import { eventsRoutes } from "./modules/events/events.routes.js";
import { graphRoutes } from "./modules/graph/graph.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { importRoutes } from "./modules/ingest/import.routes.js";
import { nodesRoutes } from "./modules/nodes/nodes.routes.js";
import { placesRoutes } from "./modules/places/places.routes.js";
import { queryRoutes } from "./modules/query/query.routes.js";
import { snapshotRoutes } from "./modules/snapshots/snapshots.routes.js";
import { storyRoutes } from "./modules/stories/stories.routes.js";
import { buildOpenApi, openApiRoute } from "./openapi.js";

/** Every API route of an app, the OpenAPI document's own route last. */
export function apiRoutes(deps: RouteDeps): Route[] {
  const routes = [
    ...healthRoutes(deps),
    ...graphRoutes(deps),
    ...placesRoutes(deps),
    ...snapshotRoutes(deps),
    ...storyRoutes(deps),
    ...nodesRoutes(deps),
    ...eventsRoutes(deps),
    ...articlesRoutes(deps),
    ...importRoutes(deps),
    ...queryRoutes(deps),
    ...curationRoutes(deps),
  ];
  const withDocument = [...routes, openApiRoute(() => document)];
  const document = buildOpenApi(withDocument);
  return withDocument;
}

/** The `/api` router: every route with its middleware, then a JSON 404. */
export function apiRouter(deps: RouteDeps): Router {
  const router = Router();
  // Search, snapshots and every write share a per-client budget; the console has its own.
  const budgets = {
    shared: rateLimit({ perMinute: deps.config.rateLimitPerMinute }),
    console: rateLimit({ perMinute: deps.config.query.ratePerMinute }),
  };
  for (const route of apiRoutes(deps)) router[route.method](route.path, ...routeHandlers(route, deps, budgets));
  router.use(notFoundHandler);
  return router;
}
