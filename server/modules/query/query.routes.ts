/**
 * Console routes
 * ==============
 *
 * `POST /api/query` runs a read-only Cypher query; `GET /api/query/schema` lists labels, types and property keys
 * for completion; `GET /api/saved` lists the saved questions and `POST /api/saved/:name/run` runs one. Bodies are
 * small (64 kB) and each client shares one rate budget across these routes.
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";
import { jsonBody } from "../../http/body.js";
import { rateLimit } from "../../http/rate-limit.js";
import { parseOr400 } from "../../http/validate.js";
import { queryRequestSchema, savedNameSchema, savedRunRequestSchema } from "../../../contracts/query.js";
import { querySchema, runConsoleQuery, runSavedQuestion, savedQuestions } from "./query.service.js";

/** The console router (mounted under /api). */
export function queryRoutes({ db, config }: AppDeps): Router {
  const router = Router();
  const limits = { timeoutMs: config.query.timeoutMs, maxRows: config.query.maxRows };
  const limited = rateLimit({ perMinute: config.query.ratePerMinute });
  const body = jsonBody("64kb");

  router.post("/query", limited, ...body, async (req, res) => {
    const { query, params } = parseOr400(queryRequestSchema, req.body, "query request");
    res.json(await runConsoleQuery(db, limits, query, params));
  });

  router.get("/query/schema", limited, async (_req, res) => {
    res.json(await querySchema(db, limits));
  });

  router.get("/saved", (_req, res) => {
    res.json({ questions: savedQuestions() });
  });

  router.post("/saved/:name/run", limited, ...body, async (req, res) => {
    const { name } = parseOr400(savedNameSchema, req.params, "saved question name");
    const { params } = parseOr400(savedRunRequestSchema, req.body ?? {}, "saved question parameters");
    res.json(await runSavedQuestion(db, limits, name, params));
  });

  return router;
}
