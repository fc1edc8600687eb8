/**
 * Articles routes
 * ===============
 *
 * `GET /api/articles/:id` (metadata and, when stored, the text), and the "Add article" dialog's two steps:
 * `POST /api/articles/preview` runs the extractor on pasted or uploaded articles and returns what it found as an
 * import document, without writing; the dialog shows it, lets the user drop wrong items, and sends the edited
 * document to `POST /api/articles`, which loads it through the import path (admin only). Items below the
 * extractor's confidence threshold are left out of the document and queued for review (listed as `doubtful` in the
 * preview) unless the request says `acceptAll`; a long text that is clearly not English is a 400.
 */
import { articleDtoSchema } from "../../../contracts/api.js";
import {
  type ArticleInput,
  articlesPreviewRequestSchema,
  articlesPreviewSchema,
  articlesSaveRequestSchema,
  articlesSavedSchema,
} from "../../../contracts/ingest.js";
import type { RouteDeps } from "../../app-deps.js";
import { ValidationError } from "../../errors.js";
import { type Route, defineRoute } from "../../http/route.js";
import { DEFAULT_CONFIDENCE_THRESHOLD } from "../../../extractor/confidence.js";
import { doubtfulDtos } from "../ingest/extraction.doubtful.js";
import { ArticleInputError, decodeArticle } from "../ingest/extraction.import.js";
import { articlesToImportFor } from "../ingest/extraction.service.js";
import { loadImportFile } from "../ingest/import.service.js";
import { articleParamsSchema } from "./articles.schemas.js";
import { getArticle } from "./articles.service.js";

/** Largest body of the article routes: up to 50 articles of text. */
const ARTICLES_BODY_LIMIT = "25mb";

function decodeAll(articles: ArticleInput[]) {
  try {
    return articles.map((a, i) =>
      decodeArticle(a.file ?? `pasted-article-${i + 1}.txt`, new TextEncoder().encode(a.text)),
    );
  } catch (error) {
    if (error instanceof ArticleInputError) {
      // Pasted text has no file name of its own: say what is wrong without the generated one.
      const pasted = articles.length === 1 && !articles[0].file;
      throw new ValidationError(pasted ? error.reason : error.message);
    }
    throw error;
  }
}

/** Ids of the nodes an import document holds (the dialog pulses them once loaded). */
function nodeIdsOf(document: unknown): string[] {
  const nodes = (document as { nodes?: { id?: unknown }[] } | null)?.nodes;
  return Array.isArray(nodes) ? nodes.map((n) => n.id).filter((id): id is string => typeof id === "string") : [];
}

/** The articles routes. */
export function articlesRoutes({ db, log, importHooks }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/articles/:id",
      summary: "Article metadata and, when stored, its text",
      params: { schema: articleParamsSchema, what: "article id" },
      response: articleDtoSchema,
      errors: [400, 404],
      handler: ({ params }) => getArticle(db, params.id),
    }),
    defineRoute({
      method: "post",
      path: "/articles/preview",
      summary:
        "Extract actors, roles and meetings from {articles:[{text, file?}]} without writing; returns an import document",
      body: { schema: articlesPreviewRequestSchema, what: "articles", limit: ARTICLES_BODY_LIMIT },
      response: articlesPreviewSchema,
      errors: [400],
      handler: async ({ body }) => {
        const imported = await articlesToImportFor(db, decodeAll(body.articles), { acceptAll: body.acceptAll });
        return {
          document: imported.document,
          suggestions: imported.extraction.suggestions,
          doubtful: doubtfulDtos(imported.doubtful),
          threshold: DEFAULT_CONFIDENCE_THRESHOLD,
        };
      },
    }),
    defineRoute({
      method: "post",
      path: "/articles",
      summary: "Ingest articles ({articles} or an edited {document}) through the import path (admin)",
      auth: "admin",
      body: { schema: articlesSaveRequestSchema, what: "articles", limit: ARTICLES_BODY_LIMIT },
      response: articlesSavedSchema,
      errors: [400, 409],
      handler: async ({ body, actor }) => {
        let document: unknown = "document" in body ? body.document : null;
        if ("articles" in body) {
          document = (await articlesToImportFor(db, decodeAll(body.articles), { acceptAll: body.acceptAll })).document;
        }
        const summary = await loadImportFile(db, document, { hooks: importHooks, log });
        log.info("articles ingested", { actor, ...summary });
        return { summary, nodeIds: nodeIdsOf(document) };
      },
    }),
  ];
}
