/**
 * Routes that declare themselves
 * ==============================
 *
 * `defineRoute({ method, path, params, query, body, response, auth, cache, handler })`: one object says everything
 * about an endpoint, so the registry (server/routes.ts) mounts it on Express with the right middleware and the
 * OpenAPI document (server/openapi.ts) describes it from the same zod schemas. The handler receives the parsed
 * request and returns the JSON body; what used to be written by hand in every route (parsing with a 400 that names
 * each field, the admin check, the body reader and its limit, the rate limit, the response cache) is done here.
 */
import type { Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import type { Readiness, RouteDeps } from "../app-deps.js";
import { NotReadyError } from "../errors.js";
import { requireAdmin } from "./access.js";
import { jsonBody } from "./body.js";
import { parseOr400 } from "./validate.js";

export type HttpMethod = "get" | "post" | "patch" | "delete";

/** One part of the request (path parameters, query string or body) and how it is read. */
export interface RequestPart<S extends z.ZodType> {
  schema: S;
  /** What a 400 calls it: `Invalid <what>: field: message`. */
  what: string;
  /** Reads the value to parse from the request, when it is not simply `req.params`, `req.query` or `req.body`. */
  from?: (req: Request) => unknown;
  /** `false`: documented only; the handler reads it itself (from `req`). */
  validate?: false;
}

/** A JSON body: the part, plus the largest body read (express `limit` syntax). */
export interface BodyPart<S extends z.ZodType> extends RequestPart<S> {
  limit: string;
  /** Replaces the JSON reader (e.g. a text reader that keeps line:column for syntax errors). */
  readers?: RequestHandler[];
  /** Whether the body may be left out (then `from` decides what is parsed). */
  optional?: boolean;
}

/** Which per-client request budget a route spends (server/http/rate-limit.ts). */
export type RateBudget = "shared" | "console" | "none";

/** Returned by a handler that has written the answer itself (a file download, a 503 with headers). */
export const SENT: unique symbol = Symbol("sent");

export interface RouteContext<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  req: Request;
  res: Response;
  /** Who is writing: the admin token's label, `loopback`, or `unknown` on open routes. */
  actor: string;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: HttpMethod;
  /** Express path under `/api`, e.g. `/nodes/:id`. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  params?: RequestPart<P>;
  query?: RequestPart<Q>;
  body?: BodyPart<B>;
  /** The answer's schema (JSON unless `responseTypes` says otherwise). */
  response: R;
  /** Statuses of a successful answer (default 200). */
  responseStatuses?: number[];
  /** Media types of a successful answer (default application/json). */
  responseTypes?: string[];
  responseDescription?: string;
  /** Error statuses this route answers besides those its options imply (401/403 admin, 413/415 body, 429, 503). */
  errors?: number[];
  /** `admin`: writes need an admin token, or a loopback client when none is configured (server/http/access.ts). */
  auth?: "admin";
  /** Writes to the database, so it waits for the database to be prepared (default: the admin routes). */
  writes?: boolean;
  /** Which rate budget it spends; writes spend the shared one unless told otherwise, reads none. */
  rateLimit?: RateBudget;
  /** Serve from the response cache, keyed by route and validated parameters (server/http/response-cache.ts). */
  cache?: boolean;
  handler: (context: RouteContext<P, Q, B>) => z.input<R> | typeof SENT | Promise<z.input<R> | typeof SENT>;
}

/** A route with its types erased, as the registry holds it. */
export type Route = RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

/** Declares a route; the types of the handler's context and answer follow from the schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): Route {
  return spec as unknown as Route;
}

/** The budget a route spends. */
export function rateBudgetOf(route: Route): RateBudget {
  return route.rateLimit ?? (route.method === "get" ? "none" : "shared");
}

/** The response cache key of a request: the route, then its validated parameters. */
export function cacheKey(route: Route, params: unknown, query: unknown): string {
  return `${route.method} ${route.path} ${JSON.stringify(params ?? {})} ${JSON.stringify(query ?? {})}`;
}

/** Refuses a write with 503 (and Retry-After) while the server still prepares the database. */
function whenReady(readiness: Readiness): RequestHandler {
  return (_req, _res, next) => {
    if (!readiness.ready) throw new NotReadyError(readiness.phase);
    next();
  };
}

function parsePart(part: RequestPart<z.ZodType> | undefined, req: Request, raw: unknown): unknown {
  if (!part || part.validate === false) return undefined;
  return parseOr400(part.schema, part.from ? part.from(req) : raw, part.what);
}

/** The middleware chain Express runs for a route: budget, admin check, body reader, then the handler. */
export function routeHandlers(
  route: Route,
  deps: RouteDeps,
  budgets: Record<Exclude<RateBudget, "none">, RequestHandler>,
): RequestHandler[] {
  const chain: RequestHandler[] = [];
  const budget = rateBudgetOf(route);
  if (budget !== "none") chain.push(budgets[budget]);
  if (route.auth === "admin") chain.push(requireAdmin(deps.config.adminTokens));
  if (route.writes ?? route.auth === "admin") chain.push(whenReady(deps.readiness));
  if (route.body) chain.push(...(route.body.readers ?? jsonBody(route.body.limit)));
  chain.push(async (req, res) => {
    // Parameters first, then the query string, then the body: the first part that is wrong is the one reported.
    const params = parsePart(route.params, req, req.params);
    const query = parsePart(route.query, req, req.query);
    const body = parsePart(route.body, req, req.body);
    const context = { params, query, body, req, res, actor: String(res.locals.actor ?? "unknown") };
    const answer = async () => route.handler(context);
    if (route.cache) {
      await deps.cache.send(req, res, cacheKey(route, params, query), answer);
      return;
    }
    const result = await answer();
    if (result !== SENT) res.json(result);
  });
  return chain;
}
