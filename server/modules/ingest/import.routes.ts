/**
 * Import routes
 * =============
 *
 * `POST /api/import` loads a file in the import format (JSON body, up to 50 MB on this route only) through the
 * same path as `npm run load`: validated in full, then written whole or not at all. Writes need an admin token, or
 * without one configured come only from loopback clients (server/http/access.ts). `GET /api/import/schema`
 * publishes the format as JSON Schema.
 */
import express, { type RequestHandler, Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../../app.js";
import { importFileSchema } from "../../../contracts/import-format.js";
import { requireAdmin } from "../../http/access.js";
import { UnsupportedMediaTypeError } from "../../http/body.js";
import { validateImportText } from "./import-validate.js";
import { ImportValidationError, loadImportFile } from "./import.service.js";

/** Largest import body this route reads; bigger files go through `npm run load`. */
export const IMPORT_BODY_LIMIT = "50mb";

const requireJson: RequestHandler = (req, _res, next) => {
  // A bodyless request has no content type; let it through so that it is reported as an empty file.
  if (!req.headers["transfer-encoding"] && !(Number(req.headers["content-length"] ?? 0) > 0)) return next();
  if (req.is(["application/json", "application/*+json"])) return next();
  next(
    new UnsupportedMediaTypeError(
      `Import: expected a JSON body in the import format (Content-Type: application/json), got ${req.headers["content-type"] ?? "no Content-Type"}; CSV folders load with \`npm run load -- <folder>\`.`,
    ),
  );
};

/** The import router (mounted under /api; it reads its own body). */
export function importRoutes({ db, config, log }: AppDeps): Router {
  const router = Router();
  // Read as text, not parsed: syntax errors are then reported at line:column of the body.
  const body = express.text({ type: ["application/json", "application/*+json"], limit: IMPORT_BODY_LIMIT });

  router.post("/import", requireAdmin(config.adminTokens), requireJson, body, async (req, res) => {
    const text = typeof req.body === "string" ? req.body : "";
    let value: unknown;
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      const validation = validateImportText(text, "body");
      throw new ImportValidationError(
        validation.ok ? [{ path: "body:1:1", message: "not valid JSON" }] : validation.errors,
      );
    }
    const summary = await loadImportFile(db, value, { articlesDir: config.articlesDir, log });
    log.info("import loaded through the API", { ...summary });
    res.json(summary);
  });

  const schema = { title: "Parley import file", ...z.toJSONSchema(importFileSchema, { io: "input" }) };
  router.get("/import/schema", (_req, res) => {
    res.json(schema);
  });
  return router;
}
