/**
 * Articles routes
 * ===============
 *
 * `GET /api/articles/:id`, `GET /api/stats` and `GET /api/timeline` (events per month, same filters as /api/graph).
 */
import { Router } from "express";
import type { RouteDeps } from "../../app.js";
import { parseOr400 } from "../../http/validate.js";
import { articleParamsSchema, timelineQuerySchema } from "./articles.schemas.js";
import { getArticle, getStats, getTimeline } from "./articles.service.js";

/** The articles router (mounted under /api). */
export function articlesRoutes({ db, cache }: RouteDeps): Router {
  const router = Router();
  router.get("/articles/:id", async (req, res) => {
    const { id } = parseOr400(articleParamsSchema, req.params, "article id");
    res.json(await getArticle(db, id));
  });
  router.get("/stats", async (_req, res) => {
    res.json(await getStats(db));
  });
  router.get("/timeline", async (req, res) => {
    const query = parseOr400(timelineQuerySchema, req.query, "timeline query");
    await cache.send(req, res, `timeline:${JSON.stringify(query)}`, () => getTimeline(db, query));
  });
  return router;
}
