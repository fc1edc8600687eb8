/**
 * Console routes
 * ==============
 *
 * `POST /api/query` runs a read-only Cypher query; `GET /api/query/schema` lists labels, types and property keys
 * for completion; `GET /api/saved` lists the saved questions and `POST /api/saved/:name/run` runs one. Bodies are
 * small (64 kB) and each client shares one rate budget across these routes (the console budget).
 */
import {
  queryRequestSchema,
  queryResultDtoSchema,
  querySchemaDtoSchema,
  savedNameSchema,
  savedQuestionsDtoSchema,
  savedRunRequestSchema,
} from "../../../contracts/query.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";
import { querySchema, runConsoleQuery, runSavedQuestion, savedQuestions } from "./query.service.js";

const CONSOLE_BODY_LIMIT = "64kb";

/** The console routes. */
export function queryRoutes({ db, config }: RouteDeps): Route[] {
  const limits = { timeoutMs: config.query.timeoutMs, maxRows: config.query.maxRows };
  return [
    defineRoute({
      method: "post",
      path: "/query",
      summary:
        "Run a read-only Cypher query: {query, params} → {columns, rows, graph, truncated, elapsedMs, notifications}",
      body: { schema: queryRequestSchema, what: "query request", limit: CONSOLE_BODY_LIMIT },
      response: queryResultDtoSchema,
      errors: [400, 408, 504],
      rateLimit: "console",
      handler: ({ body }) => runConsoleQuery(db, limits, body.query, body.params),
    }),
    defineRoute({
      method: "get",
      path: "/query/schema",
      summary: "Labels, relationship types and property keys, for autocompletion",
      response: querySchemaDtoSchema,
      rateLimit: "console",
      handler: () => querySchema(db, limits),
    }),
    defineRoute({
      method: "get",
      path: "/saved",
      summary: "Saved questions (cypher/saved/*.cypher): title, description, parameters",
      response: savedQuestionsDtoSchema,
      handler: () => ({ questions: savedQuestions() }),
    }),
    defineRoute({
      method: "post",
      path: "/saved/:name/run",
      summary: "Run a saved question with {params}",
      params: { schema: savedNameSchema, what: "saved question name" },
      body: {
        schema: savedRunRequestSchema,
        what: "saved question parameters",
        limit: CONSOLE_BODY_LIMIT,
        optional: true,
        from: (req) => req.body ?? {},
      },
      response: queryResultDtoSchema,
      errors: [400, 404, 408, 504],
      rateLimit: "console",
      handler: ({ params, body }) => runSavedQuestion(db, limits, params.name, body.params),
    }),
  ];
}
