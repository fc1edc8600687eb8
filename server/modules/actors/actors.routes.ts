/**
 * Actors routes
 * =============
 *
 * `GET /api/nodes/:id`, `/api/nodes/:id/neighbors`, `/api/search`, `/api/path` and `/api/edges/:source/:target`:
 * what the explorer's details panel, search box and path finder ask about one node or a pair.
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";
import { parseOr400 } from "../../http/validate.js";
import {
  edgeParamsSchema,
  neighborsQuerySchema,
  nodeParamsSchema,
  pathQuerySchema,
  searchQuerySchema,
} from "./actors.schemas.js";
import { findPaths, getEdgeEvents, getNeighbors, getNodeDetails, search } from "./actors.service.js";

/** The actors router (mounted under /api). */
export function actorsRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get("/nodes/:id", async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    res.json(await getNodeDetails(db, id));
  });
  router.get("/nodes/:id/neighbors", async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const query = parseOr400(neighborsQuerySchema, req.query, "neighbours query");
    res.json(await getNeighbors(db, id, query));
  });
  router.get("/search", async (req, res) => {
    const query = parseOr400(searchQuerySchema, req.query, "search query");
    res.json(await search(db, query));
  });
  router.get("/path", async (req, res) => {
    const query = parseOr400(pathQuerySchema, req.query, "path query");
    res.json(await findPaths(db, query));
  });
  router.get("/edges/:source/:target", async (req, res) => {
    const { source, target } = parseOr400(edgeParamsSchema, req.params, "edge ends");
    res.json(await getEdgeEvents(db, source, target));
  });
  return router;
}
