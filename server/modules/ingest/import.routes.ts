/**
 * Import routes
 * =============
 *
 * `POST /api/import` loads a file in the import format (JSON body, up to 50 MB on this route only) through the
 * same path as `npm run load`: validated in full, then written whole or not at all. Writes need an admin token, or
 * without one configured come only from loopback clients (server/http/access.ts). `GET /api/import/schema`
 * publishes the format as JSON Schema.
 */
import express, { type RequestHandler } from "express";
import { z } from "zod";
import { importFileSchema } from "../../../contracts/import-format.js";
import { importSummarySchema } from "../../../contracts/ingest.js";
import type { RouteDeps } from "../../app-deps.js";
import { ImportValidationError, UnsupportedMediaTypeError } from "../../errors.js";
import { type Route, defineRoute } from "../../http/route.js";
import { validateImportText } from "./import.validate.js";
import { loadImportFile } from "./import.service.js";

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

/** The import routes. */
export function importRoutes({ db, config, log, importHooks }: RouteDeps): Route[] {
  const schema = { title: "Parley import file", ...z.toJSONSchema(importFileSchema, { io: "input" }) };
  return [
    defineRoute({
      method: "post",
      path: "/import",
      summary: "Load a file in the import format: validated in full, written whole or not at all",
      auth: "admin",
      body: {
        schema: importFileSchema,
        what: "import",
        limit: IMPORT_BODY_LIMIT,
        // Read as text, not parsed: syntax errors are then reported at line:column of the body.
        readers: [
          requireJson,
          express.text({ type: ["application/json", "application/*+json"], limit: IMPORT_BODY_LIMIT }),
        ],
        validate: false,
      },
      response: importSummarySchema,
      responseDescription: "Loaded; what was created or updated",
      errors: [400, 409],
      handler: async ({ req }) => {
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
        const summary = await loadImportFile(db, value, { hooks: importHooks, articlesDir: config.articlesDir, log });
        log.info("import loaded through the API", { ...summary });
        return summary;
      },
    }),
    defineRoute({
      method: "get",
      path: "/import/schema",
      summary: "The import format as JSON Schema",
      response: z.record(z.string(), z.unknown()),
      responseDescription: "JSON Schema (draft 2020-12)",
      handler: () => schema,
    }),
  ];
}
