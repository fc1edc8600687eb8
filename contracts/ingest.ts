/**
 * Ingest payloads
 * ===============
 *
 * What the write paths answer and the article dialog sends: the import summary (`POST /api/import`, `npm run load`),
 * and the bodies and answers of `POST /api/articles/preview` (extract without writing) and `POST /api/articles`
 * (load the reviewed document). The import format itself is in import-format.ts.
 */
import { z } from "zod";
import { importFileSchema } from "./import-format.js";

/** What screening left out of an import because a curator deleted or rejected it. */
export const skippedRejectedSchema = z.object({
  /** Nodes deleted by a curator. */
  nodes: z.number().int(),
  /** Citations of evidence a curator rejected. */
  citations: z.number().int(),
  /** Links and roles to deleted nodes. */
  links: z.number().int(),
  /** Ids of nodes merged into another, written onto the kept node instead. */
  redirected: z.number().int(),
});
export type SkippedRejected = z.infer<typeof skippedRejectedSchema>;

/** What a load created or updated. */
export const importSummarySchema = z.object({
  articles: z.number().int(),
  nodes: z.number().int(),
  links: z.number().int(),
  roles: z.number().int(),
  quantities: z.number().int(),
  evidence: z.number().int(),
  metLinks: z.number().int(),
  elapsedMs: z.number(),
  /** Curation: what was left out because a curator deleted it. */
  skippedRejected: skippedRejectedSchema.optional(),
  /** Curation: suggestions stored for review, and how many a remembered decision settled at once. */
  suggestions: z.object({ stored: z.number().int(), decided: z.number().int() }).optional(),
  /** Article loads: reports of a meeting already in the graph, joined to that event instead of making another. */
  joinedReports: z.number().int().optional(),
  /** Staged loads only: the import's id (its `Import` node records how it ended). */
  importId: z
    .string()
    .optional()
    .describe("Files over 250,000 rows are staged and published in one step; this is the import's id."),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/* ----------------------------------------------------------------------------------------------------------------
 * Articles (the "Add article" dialog)
 * -------------------------------------------------------------------------------------------------------------- */

/** Largest article accepted, in bytes. */
export const MAX_ARTICLE_BYTES = 2_000_000;

export const articleInputSchema = z.object({
  /** The article text, optionally starting with `key: value` header lines (source, url, date) and a blank line. */
  text: z.string().max(MAX_ARTICLE_BYTES, `an article is at most ${MAX_ARTICLE_BYTES / 1e6} MB of text`),
  /** A file name for the citation list (e.g. the uploaded file's name). */
  file: z
    .string()
    .regex(/^[\w .,()-]{1,200}$/, "a plain file name")
    .optional(),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

/** The URL of an article page for the server to fetch: http(s) only (it becomes the citation's link). */
export const articleUrlSchema = z
  .url({ protocol: /^https?$/, error: "url must be an http:// or https:// address of an article page" })
  .max(2_000);

/**
 * `POST /api/articles/preview`: up to 50 pasted or uploaded articles, and or the URL of an article page, which the
 * server fetches (a write: admin token or this machine, as for saving).
 */
export const articlesPreviewRequestSchema = z
  .object({
    articles: z.array(articleInputSchema).max(50).default([]),
    url: articleUrlSchema.optional(),
    /** Write items below the extractor's confidence threshold to the graph too, instead of the review queue. */
    acceptAll: z.boolean().optional(),
  })
  .refine((body) => body.articles.length > 0 || body.url !== undefined, {
    message: "give articles (pasted or uploaded text) or the url of an article page",
    path: ["articles"],
  });

/** `POST /api/articles`: articles to extract and load, or a document the user has reviewed. */
export const articlesSaveRequestSchema = z.union([
  articlesPreviewRequestSchema,
  z.object({ document: z.unknown().describe("An import document (the preview's, edited)") }),
]);

/** An ambiguity the extractor kept, as the preview lists it. */
export const extractedSuggestionSchema = z.object({
  kind: z.string(),
  article: z.string().nullable(),
  text: z.string(),
  candidates: z.array(z.string()),
  chosen: z.string().nullable(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});

/** What a doubtful item is: an actor, a role, an event, or one participant of an otherwise sure event. */
export const DOUBTFUL_KINDS = ["actor", "role", "event", "participant"] as const;

/** An item below the extractor's confidence threshold: queued for review, not written to the graph. */
export const doubtfulItemSchema = z.object({
  kind: z.enum(DOUBTFUL_KINDS),
  /** What it is, as the dialog and the review queue show it ("Peace Building", "Meeting: A, B"). */
  label: z.string(),
  /** Secondary text: the actor's kind, the event's date, with the confidence. */
  detail: z.string(),
  /** The extractor's confidence, 0..1, below the threshold. */
  confidence: z.number().min(0).max(1),
  /** The sentence it was read from. */
  quote: z.string().nullable(),
});
export type DoubtfulItem = z.infer<typeof doubtfulItemSchema>;

/**
 * The preview's answer: what was found, as an import document (doubtful items left out of its nodes and listed in
 * its suggestions), the extractor's open questions, and the doubtful items with the threshold used.
 */
export const articlesPreviewSchema = z.object({
  document: importFileSchema,
  suggestions: z.array(extractedSuggestionSchema),
  doubtful: z.array(doubtfulItemSchema),
  threshold: z.number(),
});
/** As sent (the document's defaults not yet applied). */
export type ArticlesPreview = z.input<typeof articlesPreviewSchema>;

/** The save's answer: the import summary and the ids of the nodes the document held (to pulse them). */
export const articlesSavedSchema = z.object({ summary: importSummarySchema, nodeIds: z.array(z.string()) });
export type ArticlesSaved = z.infer<typeof articlesSavedSchema>;
