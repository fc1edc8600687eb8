/**
 * Curation routes
 * ===============
 *
 * `PATCH /api/nodes/:id`, `PATCH /api/nodes/:id/roles`, `DELETE /api/nodes/:id`, `POST /api/curation/merge`,
 * `POST /api/curation/split`, `POST /api/curation/split-report`, `POST /api/changes/:id/revert` (admin only, each
 * audited with the admin token's label), `GET /api/nodes/:id/history`, and the suggestions queue (`GET /api/suggestions`, accept, reject).
 */
import { z } from "zod";
import {
  acceptSchema,
  changeParamsSchema,
  changeViewSchema,
  deleteSchema,
  editSchema,
  historyQuerySchema,
  mergeSchema,
  nodeHistorySchema,
  nodeParamsSchema,
  reasonSchema,
  rejectSchema,
  revertSchema,
  rolesEditSchema,
  splitReportSchema,
  splitSchema,
  suggestionDecisionSchema,
  suggestionListSchema,
  suggestionParamsSchema,
  suggestionsQuerySchema,
} from "../../../contracts/curation.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";
import { parseOr400 } from "../../http/validate.js";
import {
  deleteNode,
  purgeNode,
  editNode,
  editRoles,
  mergeNodes,
  nodeHistory,
  revertChange,
  splitNode,
  splitReport,
} from "./curation.service.js";
import { acceptSuggestion, listSuggestions, rejectSuggestion } from "./suggestions.service.js";
import type { SuggestionDecision, SuggestionDto } from "../../../contracts/curation.js";

/** Largest curation body. */
const CURATION_BODY_LIMIT = "1mb";

/** Whether a delete is permanent (`?purge=true`), read apart from the reason (which a body may give instead). */
const purgeQuerySchema = z.object({
  purge: z.enum(["true", "false"], { message: "purge is true or false" }).optional(),
});
/** The delete's query string as documented: the reason (when no body gives it) and whether to delete permanently. */
const deleteQuerySchema = purgeQuerySchema.extend({ reason: reasonSchema.optional() });

/** The curation routes (every write is admin only and audited). */
export function curationRoutes({ db }: RouteDeps): Route[] {
  const nodeParams = { schema: nodeParamsSchema, what: "node id" };
  const suggestionParams = { schema: suggestionParamsSchema, what: "suggestion id" };
  /** A body that may be left out: it is then `{}`. */
  const optionalBody = <S extends z.ZodType>(schema: S, what: string) => ({
    schema,
    what,
    limit: CURATION_BODY_LIMIT,
    optional: true,
    from: (req: { body?: unknown }) => req.body ?? {},
  });
  return [
    defineRoute({
      method: "get",
      path: "/nodes/:id/history",
      summary: "The audited changes to a node, newest first",
      params: nodeParams,
      query: { schema: historyQuerySchema, what: "history query" },
      response: nodeHistorySchema,
      errors: [400],
      handler: async ({ params, query }) => ({ id: params.id, changes: await nodeHistory(db, params.id, query.limit) }),
    }),
    defineRoute({
      method: "patch",
      path: "/nodes/:id",
      summary: "Edit a node's fields (admin; `null` clears an optional field; audited with the reason)",
      auth: "admin",
      params: nodeParams,
      body: { schema: editSchema, what: "edit", limit: CURATION_BODY_LIMIT },
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ params, body, actor }) => editNode(db, params.id, body, actor),
    }),
    defineRoute({
      method: "patch",
      path: "/nodes/:id/roles",
      summary: "Edit a person's roles, found by holder and current title (admin, audited)",
      auth: "admin",
      params: nodeParams,
      body: { schema: rolesEditSchema, what: "role edit", limit: CURATION_BODY_LIMIT },
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ params, body, actor }) => editRoles(db, params.id, body, actor),
    }),
    defineRoute({
      method: "delete",
      path: "/nodes/:id",
      summary:
        "Delete a node (admin, audited); the reason comes in the JSON body or as ?reason=; ?purge=true deletes it permanently (erased from history too: no revert or asOf view brings it back)",
      auth: "admin",
      params: nodeParams,
      query: { schema: deleteQuerySchema, what: "delete", validate: false },
      body: {
        schema: deleteSchema,
        what: "delete",
        limit: CURATION_BODY_LIMIT,
        optional: true,
        from: (req) =>
          req.body && typeof req.body === "object" && "reason" in req.body ? req.body : { reason: req.query.reason },
      },
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ params, body, actor, req }) => {
        const { purge } = parseOr400(purgeQuerySchema, { purge: req.query.purge }, "delete");
        const remove = purge === "true" ? purgeNode : deleteNode;
        return remove(db, params.id, { by: actor, reason: body.reason });
      },
    }),
    defineRoute({
      method: "post",
      path: "/curation/merge",
      summary: "Merge one node into another (admin, audited): {keep, merge, reason}",
      auth: "admin",
      body: { schema: mergeSchema, what: "merge", limit: CURATION_BODY_LIMIT },
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ body, actor }) => mergeNodes(db, body, actor),
    }),
    defineRoute({
      method: "post",
      path: "/curation/split",
      summary: "Split a new node off an actor, with the mentions, events and roles that belong to it (admin, audited)",
      auth: "admin",
      body: { schema: splitSchema, what: "split", limit: CURATION_BODY_LIMIT },
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ body, actor }) => splitNode(db, body, actor),
    }),
    defineRoute({
      method: "post",
      path: "/curation/split-report",
      summary:
        "Split one article's report off an event into an event of its own (admin, audited, revertible): {event, article, newId?, reason}",
      auth: "admin",
      body: { schema: splitReportSchema, what: "split-report", limit: CURATION_BODY_LIMIT },
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ body, actor }) => splitReport(db, body, actor),
    }),
    defineRoute({
      method: "post",
      path: "/changes/:id/revert",
      summary: "Revert an audited change (admin): {reason?}; 409 when a later change touches the same state",
      auth: "admin",
      params: { schema: changeParamsSchema, what: "change id" },
      body: optionalBody(revertSchema, "revert"),
      response: changeViewSchema,
      errors: [400, 404, 409],
      handler: ({ params, body, actor }) => revertChange(db, params.id, actor, body.reason),
    }),
    defineRoute({
      method: "get",
      path: "/suggestions",
      summary: "The extractor's review queue by status",
      query: { schema: suggestionsQuerySchema, what: "suggestions query" },
      response: suggestionListSchema,
      errors: [400],
      handler: async ({ query }) => ({
        suggestions: (await listSuggestions(db, query.status, query.limit)) as SuggestionDto[],
      }),
    }),
    defineRoute({
      method: "post",
      path: "/suggestions/:id/accept",
      summary: "Accept a suggestion with one of its candidates (admin, audited): {choice, reason?}",
      auth: "admin",
      params: suggestionParams,
      body: { schema: acceptSchema, what: "accept", limit: CURATION_BODY_LIMIT },
      response: suggestionDecisionSchema,
      errors: [400, 404, 409],
      handler: async ({ params, body, actor }) =>
        (await acceptSuggestion(db, params.id, body.choice, actor, body.reason)) as SuggestionDecision,
    }),
    defineRoute({
      method: "post",
      path: "/suggestions/:id/reject",
      summary: "Reject a suggestion (admin): {reason?}",
      auth: "admin",
      params: suggestionParams,
      body: optionalBody(rejectSchema, "reject"),
      response: suggestionDecisionSchema,
      errors: [400, 404, 409],
      handler: async ({ params, body, actor }) =>
        (await rejectSuggestion(db, params.id, actor, body.reason)) as SuggestionDecision,
    }),
  ];
}
