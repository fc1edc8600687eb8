/**
 * Curation routes
 * ===============
 *
 * `PATCH /api/nodes/:id`, `PATCH /api/nodes/:id/roles`, `DELETE /api/nodes/:id`, `POST /api/curation/merge`,
 * `POST /api/curation/split`, `POST /api/changes/:id/revert` (admin only, each audited with the admin token's
 * label), `GET /api/nodes/:id/history`, and the suggestions queue (`GET /api/suggestions`, accept, reject).
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";
import { requireAdmin } from "../../http/access.js";
import { jsonBody } from "../../http/body.js";
import { parseOr400 } from "../../http/validate.js";
import {
  acceptSchema,
  changeParamsSchema,
  deleteSchema,
  editSchema,
  historyQuerySchema,
  mergeSchema,
  nodeParamsSchema,
  rejectSchema,
  revertSchema,
  rolesEditSchema,
  splitSchema,
  suggestionParamsSchema,
  suggestionsQuerySchema,
} from "../../../contracts/curation.js";
import {
  deleteNode,
  editNode,
  editRoles,
  mergeNodes,
  nodeHistory,
  revertChange,
  splitNode,
} from "./curation.service.js";
import { acceptSuggestion, listSuggestions, rejectSuggestion } from "./suggestions.service.js";

/** The curation router (mounted under /api; it parses its own JSON bodies, up to 1 MB). */
export function curationRoutes({ db, config }: AppDeps): Router {
  const router = Router();
  const admin = requireAdmin(config.adminTokens);
  const body = jsonBody("1mb");
  const actorOf = (locals: Record<string, unknown>) => String(locals.actor ?? "unknown");

  router.get("/nodes/:id/history", async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const { limit } = parseOr400(historyQuerySchema, req.query, "history query");
    res.json({ id, changes: await nodeHistory(db, id, limit) });
  });

  router.patch("/nodes/:id", admin, ...body, async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const input = parseOr400(editSchema, req.body, "edit");
    res.json(await editNode(db, id, input, actorOf(res.locals)));
  });

  router.patch("/nodes/:id/roles", admin, ...body, async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const input = parseOr400(rolesEditSchema, req.body, "role edit");
    res.json(await editRoles(db, id, input, actorOf(res.locals)));
  });

  router.delete("/nodes/:id", admin, ...body, async (req, res) => {
    const { id } = parseOr400(nodeParamsSchema, req.params, "node id");
    const given =
      req.body && typeof req.body === "object" && "reason" in req.body ? req.body : { reason: req.query.reason };
    const { reason } = parseOr400(deleteSchema, given, "delete");
    res.json(await deleteNode(db, id, { by: actorOf(res.locals), reason }));
  });

  router.post("/curation/merge", admin, ...body, async (req, res) => {
    const input = parseOr400(mergeSchema, req.body, "merge");
    res.json(await mergeNodes(db, input, actorOf(res.locals)));
  });

  router.post("/curation/split", admin, ...body, async (req, res) => {
    const input = parseOr400(splitSchema, req.body, "split");
    res.json(await splitNode(db, input, actorOf(res.locals)));
  });

  router.post("/changes/:id/revert", admin, ...body, async (req, res) => {
    const { id } = parseOr400(changeParamsSchema, req.params, "change id");
    const { reason } = parseOr400(revertSchema, req.body ?? {}, "revert");
    res.json(await revertChange(db, id, actorOf(res.locals), reason));
  });

  router.get("/suggestions", async (req, res) => {
    const query = parseOr400(suggestionsQuerySchema, req.query, "suggestions query");
    res.json({ suggestions: await listSuggestions(db, query.status, query.limit) });
  });

  router.post("/suggestions/:id/accept", admin, ...body, async (req, res) => {
    const { id } = parseOr400(suggestionParamsSchema, req.params, "suggestion id");
    const input = parseOr400(acceptSchema, req.body, "accept");
    res.json(await acceptSuggestion(db, id, input.choice, actorOf(res.locals), input.reason));
  });

  router.post("/suggestions/:id/reject", admin, ...body, async (req, res) => {
    const { id } = parseOr400(suggestionParamsSchema, req.params, "suggestion id");
    const input = parseOr400(rejectSchema, req.body ?? {}, "reject");
    res.json(await rejectSuggestion(db, id, actorOf(res.locals), input.reason));
  });
  return router;
}
