/**
 * Parley HTTP application
 * =======================
 *
 * `createApp(deps)` builds the Express 5 app: request ids and logs, the JSON API (the route registry,
 * server/routes.ts), the built client, and the one error handler. It never listens and reads no globals, so tests
 * build their own.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type Express } from "express";
import type { AppDeps, RouteDeps } from "./app-deps.js";
import { ROOT_DIR } from "./config.js";
import { errorHandler, notFoundHandler } from "./errors.js";
import { framingPolicy } from "./http/framing.js";
import { ResponseCache } from "./http/response-cache.js";
import { securityHeaders } from "./http/security.js";
import { apiRouter } from "./routes.js";

export const DEFAULT_CLIENT_DIR = path.join(ROOT_DIR, "dist", "client");

/** Builds the application; call `.listen()` on the result (only server/main.ts does). */
export function createApp(appDeps: AppDeps): Express {
  const { log } = appDeps;
  const deps: RouteDeps = {
    ...appDeps,
    cache: new ResponseCache(appDeps.db, appDeps.config.cacheTtlMs),
    readiness: appDeps.readiness ?? { ready: true, phase: "ready" },
  };
  const app = express();
  app.disable("x-powered-by");
  // Which proxies may report the client's address (PARLEY_TRUST_PROXY); req.ip, and so rate limits, follow it.
  app.set("trust proxy", deps.config.trustProxy);
  app.set("json spaces", 0);
  app.use(compression());
  // Nothing may be framed except the snapshot and story embeds (server/http/framing.ts).
  app.use(framingPolicy(deps.config.embedFrameAncestors));
  app.use(...securityHeaders());

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

  // Each route parses its own body with its own limit and spends its own rate budget (server/routes.ts).
  app.use("/api", apiRouter(deps));

  const clientDir = deps.clientDir ?? DEFAULT_CLIENT_DIR;
  if (existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // The explorer is one page; its routes (/, /s/:id, /snapshots, /stories/:id) all get index.html and read the
    // URL themselves.
    app.get(["/", "/s/:id", "/snapshots", "/stories/:id"], (_req, res) =>
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
