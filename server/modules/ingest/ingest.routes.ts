/**
 * Article ingest routes
 * =====================
 *
 * `POST /api/articles/preview` runs the extractor on pasted or uploaded articles and returns what it found as an
 * import document, without writing; the explorer's "Add article" dialog shows it, lets the user drop wrong items,
 * and sends the edited document to `POST /api/articles`, which loads it through the import path (admin only).
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";
import { requireAdmin } from "../../http/access.js";
import { jsonBody } from "../../http/body.js";
import { parseOr400 } from "../../http/validate.js";
import { ValidationError } from "../../errors.js";
import {
  type ArticleInput,
  articlesPreviewRequestSchema as previewSchema,
  articlesSaveRequestSchema as saveSchema,
} from "../../../contracts/ingest.js";
import { ArticleInputError, articlesToImport, decodeArticle } from "./extraction-import.js";
import { loadImportFile } from "./import.service.js";

function decodeAll(articles: ArticleInput[]) {
  try {
    return articles.map((a, i) =>
      decodeArticle(a.file ?? `pasted-article-${i + 1}.txt`, new TextEncoder().encode(a.text)),
    );
  } catch (error) {
    if (error instanceof ArticleInputError) throw new ValidationError(error.message);
    throw error;
  }
}

export function ingestRoutes({ db, config, log }: AppDeps): Router {
  const router = Router();
  const body = jsonBody("25mb");

  router.post("/articles/preview", ...body, (req, res) => {
    const { articles } = parseOr400(previewSchema, req.body, "articles");
    const { extraction, document } = articlesToImport(decodeAll(articles));
    res.json({ document, suggestions: extraction.suggestions });
  });

  router.post("/articles", requireAdmin(config.adminTokens), ...body, async (req, res) => {
    const input = parseOr400(saveSchema, req.body, "articles");
    const document = "articles" in input ? articlesToImport(decodeAll(input.articles)).document : input.document;
    const summary = await loadImportFile(db, document, { log });
    const ids = Array.isArray((document as { nodes?: { id?: unknown }[] }).nodes)
      ? (document as { nodes: { id?: unknown }[] }).nodes
          .map((n) => n.id)
          .filter((id): id is string => typeof id === "string")
      : [];
    log.info("articles ingested", { actor: res.locals.actor, ...summary });
    res.json({ summary, nodeIds: ids });
  });
  return router;
}
