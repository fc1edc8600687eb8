/**
 * Graph routes
 * ============
 *
 * `GET /api/graph`: the network for the explorer, filtered, within the element budget.
 */
import { Router } from "express";
import type { RouteDeps } from "../../app.js";
import { parseOr400 } from "../../http/validate.js";
import { graphQuerySchema } from "./graph.schemas.js";
import { buildOverview } from "./graph.service.js";

export function graphRoutes({ db, config, cache }: RouteDeps): Router {
  const router = Router();
  const schema = graphQuerySchema(config.graphBudget);
  router.get("/graph", async (req, res) => {
    const query = parseOr400(schema, req.query, "graph query");
    await cache.send(req, res, `graph:${JSON.stringify(query)}`, () => buildOverview(db, query));
  });
  return router;
}
