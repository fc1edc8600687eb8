/**
 * Parley HTTP application
 * =======================
 *
 * `createApp(deps)` builds the Express 5 app: request ids and logs, the JSON API per domain module, the built
 * client, and the one error handler. It never listens and reads no globals, so tests build their own.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type Express } from "express";
import type { Config } from "./config.js";
import { ROOT_DIR } from "./config.js";
import type { Database } from "./db/database.js";
import { errorHandler, notFoundHandler } from "./errors.js";
import type { Logger } from "./log.js";
import { graphRoutes } from "./modules/graph/graph.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { snapshotRoutes } from "./modules/snapshots/snapshots.routes.js";
import { framingPolicy } from "./http/framing.js";
import { rateLimit } from "./http/rate-limit.js";
import { ResponseCache } from "./http/response-cache.js";
import { securityHeaders } from "./http/security.js";
import { nodesRoutes } from "./modules/nodes/nodes.routes.js";
import { articlesRoutes } from "./modules/articles/articles.routes.js";
import { eventsRoutes } from "./modules/events/events.routes.js";
import { importRoutes } from "./modules/ingest/import.routes.js";
import { ingestRoutes } from "./modules/ingest/ingest.routes.js";
import { queryRoutes } from "./modules/query/query.routes.js";
import { curationRoutes } from "./modules/curation/curation.routes.js";
import { openApiRoutes } from "./openapi.js";

export interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
  /** Folder of the built client (`vite build`); the API works without it. */
  clientDir?: string;
}

/** What route modules receive: the app's dependencies plus app-wide helpers built once per app. */
export interface RouteDeps extends AppDeps {
  cache: ResponseCache;
}

export const DEFAULT_CLIENT_DIR = path.join(ROOT_DIR, "dist", "client");

/** Builds the application; call `.listen()` on the result (only server/main.ts does). */
export function createApp(appDeps: AppDeps): Express {
  const { log } = appDeps;
  const deps: RouteDeps = { ...appDeps, cache: new ResponseCache(appDeps.db, appDeps.config.cacheTtlMs) };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.set("json spaces", 0);
  app.use(compression());
  // Nothing may be framed except the snapshot embed page (server/http/framing.ts).
  app.use(framingPolicy(deps.config.embedFrameAncestors));
  app.use(securityHeaders());

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (!req.path.startsWith("/api/")) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info("request", {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  });

  const api = express.Router();
  // Search, snapshots and every write share a per-client budget; the console has its own (modules/query).
  const limited = rateLimit({ perMinute: deps.config.rateLimitPerMinute });
  api.use((req, res, next) => {
    const write =
      req.method !== "GET" && req.method !== "HEAD" && !req.path.startsWith("/query") && !req.path.startsWith("/saved");
    return write || req.path === "/search" ? limited(req, res, next) : next();
  });
  // Each router parses its own body with its own limit (server/http/body.ts).
  api.use(healthRoutes(deps));
  api.use(graphRoutes(deps));
  api.use(snapshotRoutes(deps));
  api.use(nodesRoutes(deps));
  api.use(eventsRoutes(deps));
  api.use(articlesRoutes(deps));
  api.use(importRoutes(deps));
  api.use(ingestRoutes(deps));
  api.use(queryRoutes(deps));
  api.use(curationRoutes(deps));
  api.use(openApiRoutes(deps));
  api.use(notFoundHandler);
  app.use("/api", api);

  const clientDir = deps.clientDir ?? DEFAULT_CLIENT_DIR;
  if (existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // The explorer is one page; its routes (/, /s/:id, /snapshots) all get index.html and read the URL themselves.
    app.get(["/", "/s/:id", "/snapshots"], (_req, res) =>
      res.sendFile(path.join(clientDir, "index.html"), { maxAge: 0 }),
    );
    app.get("/review", (_req, res) => res.sendFile(path.join(clientDir, "review.html"), { maxAge: 0 }));
  } else {
    app.get("/", (_req, res) => {
      res
        .status(503)
        .type("text/plain")
        .send("The explorer is not built yet: run `npm run build` (npm start does it for you).");
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
