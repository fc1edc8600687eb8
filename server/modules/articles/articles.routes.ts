/**
 * Articles routes
 * ===============
 *
 * `GET /api/articles/:id` (metadata and, when stored, the text), and the "Add article" dialog's two steps:
 * `POST /api/articles/preview` runs the extractor on pasted or uploaded articles and returns what it found as an
 * import document, without writing; the dialog shows it, lets the user drop wrong items, and sends the edited
 * document to `POST /api/articles`, which loads it through the import path (admin only). Items below the
 * extractor's confidence threshold are left out of the document and queued for review (listed as `doubtful` in the
 * preview) unless the request says `acceptAll`; a long text that is clearly not English is a 400. Both steps also
 * take the `url` of an article page beside the texts: fetching it is a write (admin token or this machine, and the
 * write budget), done by the safe fetcher (news.fetch.ts), and a page that cannot be fetched or read is a 400 when
 * the request is at fault (a refused address, not a page) and a 502 when the site is.
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
import { ArticleInputError, FetchError, FetchFailedError, NoArticleError, ValidationError } from "../../errors.js";
import { adminActor } from "../../http/access.js";
import { type Route, defineRoute } from "../../http/route.js";
import { DEFAULT_CONFIDENCE_THRESHOLD } from "../../../extractor/confidence.js";
import { doubtfulDtos } from "../ingest/extraction.doubtful.js";
import { decodeArticle } from "../ingest/extraction.import.js";
import { articlesToImportFor } from "../ingest/extraction.service.js";
import { loadImportFile } from "../ingest/import.service.js";
import { addPageMetadata } from "../ingest/news/news.batch.js";
import { type Fetcher, createFetcher } from "../ingest/news/news.fetch.js";
import { type ReadArticle, readSourceItem } from "../ingest/news/news.sources.js";
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

/** What a fetch failure is to the client: its own mistake (400) or the remote site's (502). */
const REQUEST_FAULTS = new Set(["bad-url", "blocked-address", "bad-content-type", "too-large"]);

/** Fetches and reads the article page at `url`, turning what goes wrong into a 400 or a 502 naming the cause. */
async function fetchArticle(fetcher: Fetcher, url: string): Promise<ReadArticle> {
  try {
    return await readSourceItem({ kind: "url", url }, fetcher);
  } catch (error) {
    if (error instanceof FetchError) {
      throw REQUEST_FAULTS.has(error.failure)
        ? new ValidationError(error.message)
        : new FetchFailedError(error.message);
    }
    if (error instanceof NoArticleError) throw new ValidationError(`${url}: ${error.message}`);
    if (error instanceof ArticleInputError) throw new ValidationError(`${url}: ${error.reason}`);
    throw error;
  }
}

/** Ids of the nodes an import document holds (the dialog pulses them once loaded). */
function nodeIdsOf(document: unknown): string[] {
  const nodes = (document as { nodes?: { id?: unknown }[] } | null)?.nodes;
  return Array.isArray(nodes) ? nodes.map((n) => n.id).filter((id): id is string => typeof id === "string") : [];
}

/** The articles routes. */
export function articlesRoutes({ db, log, importHooks, config }: RouteDeps): Route[] {
  // One fetcher for the app: its per-host budget refuses at once rather than keeping a request waiting.
  const fetcher = createFetcher({
    allowPrivate: config.fetch.allowPrivate,
    whenHostBusy: "fail",
    perHostPerMinute: 30,
    timeoutMs: 15_000,
  });
  /** Pasted texts and the fetched page as the extractor's inputs, and the page (for its URL and date's origin). */
  const inputsOf = async (
    body: { articles: ArticleInput[]; url?: string },
    req: Parameters<typeof adminActor>[1],
    res: Parameters<typeof adminActor>[2],
  ) => {
    const pasted = body.articles.length ? decodeAll(body.articles) : [];
    if (!body.url) return { inputs: pasted, page: null };
    // Fetching on a client's behalf is a write: only an admin (or this machine) may make the server fetch.
    res.locals.actor = adminActor(config.adminTokens, req, res);
    const page = await fetchArticle(fetcher, body.url);
    return { inputs: [...pasted, page.input], page };
  };
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
        "Extract actors, roles and meetings from {articles:[{text, file?}], url?} without writing (fetching url needs admin rights); returns an import document",
      body: { schema: articlesPreviewRequestSchema, what: "articles", limit: ARTICLES_BODY_LIMIT },
      response: articlesPreviewSchema,
      errors: [400, 401, 403, 502],
      handler: async ({ body, req, res }) => {
        const { inputs, page } = await inputsOf(body, req, res);
        const imported = await articlesToImportFor(db, inputs, { acceptAll: body.acceptAll });
        if (page) addPageMetadata(imported.document, [page]);
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
      summary: "Ingest articles ({articles, url?} or an edited {document}) through the import path (admin)",
      auth: "admin",
      body: { schema: articlesSaveRequestSchema, what: "articles", limit: ARTICLES_BODY_LIMIT },
      response: articlesSavedSchema,
      errors: [400, 409, 502],
      handler: async ({ body, actor, req, res }) => {
        let document: unknown = "document" in body ? body.document : null;
        if ("articles" in body) {
          const { inputs, page } = await inputsOf(body, req, res);
          const imported = await articlesToImportFor(db, inputs, { acceptAll: body.acceptAll });
          if (page) addPageMetadata(imported.document, [page]);
          document = imported.document;
        }
        // The dialog's document is an extraction: its meetings join the events they report.
        const summary = await loadImportFile(db, document, { hooks: importHooks, log, joinReports: true });
        log.info("articles ingested", { actor, ...summary });
        return { summary, nodeIds: nodeIdsOf(document) };
      },
    }),
  ];
}
