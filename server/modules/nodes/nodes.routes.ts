/**
 * Nodes routes
 * ============
 *
 * `GET /api/nodes/:id`, `/api/nodes/:id/neighbors`, `/api/search`, `/api/path` and `/api/edges/:source/:target`:
 * what the explorer's details panel, search box and path finder ask about one node or a pair.
 */
import { Router } from "express";
import type { RouteDeps } from "../../app.js";
import { parseOr400 } from "../../http/validate.js";
import {
  edgeParamsSchema,
  neighborsQuerySchema,
  nodeParamsSchema,
  nodeQuerySchema,
  pathQuerySchema,
  searchQuerySchema,
} from "./nodes.schemas.js";
import { findPaths, getEdgeEvents, getNeighbors, getNodeDetails, search } from "./nodes.service.js";

/** The nodes router (mounted under /api). */
export function nodesRoutes({ db, cache }: RouteDeps): Router {
  const router = Router();
  router.get("/nodes/:id", async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const page = parseOr400(nodeQuerySchema, req.query, "node details query");
    await cache.send(req, res, `node:${id}:${page.events}:${page.eventsOffset}`, () => getNodeDetails(db, id, page));
  });
  router.get("/nodes/:id/neighbors", async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const query = parseOr400(neighborsQuerySchema, req.query, "neighbours query");
    await cache.send(req, res, `neighbors:${id}:${JSON.stringify(query)}`, () => getNeighbors(db, id, query));
  });
  router.get("/search", async (req, res) => {
    const query = parseOr400(searchQuerySchema, req.query, "search query");
    await cache.send(req, res, `search:${JSON.stringify(query)}`, () => search(db, query));
  });
  router.get("/path", async (req, res) => {
    const query = parseOr400(pathQuerySchema, req.query, "path query");
    await cache.send(req, res, `path:${JSON.stringify(query)}`, () => findPaths(db, query));
  });
  router.get("/edges/:source/:target", async (req, res) => {
    const { source, target } = parseOr400(edgeParamsSchema, req.params, "edge ends");
    await cache.send(req, res, `edge:${source}|${target}`, () => getEdgeEvents(db, source, target));
  });
  return router;
}
