/**
 * Story payloads
 * ==============
 *
 * A story is an ordered list of steps, each a stored snapshot with a title and a plain-text caption that may cite
 * evidence by id. The body of `POST /api/stories`, its limits, and the answers: the stored story (with the cited
 * quotes resolved), the list and the takedown. Shared by server and client; the types are inferred.
 */
import { z } from "zod";
import { citationDtoSchema } from "./api.js";
import { idSchema, snapshotIdSchema } from "./ids.js";

/** Version of the stored story's shape; readers branch on it so old links keep working when the shape evolves. */
export const STORY_FORMAT_VERSION = 1;

export const STORY_MAX_STEPS = 50;
export const STORY_TITLE_MAX = 120;
export const STORY_CAPTION_MAX = 2_000;
export const STORY_MAX_CITATIONS = 20;
/** Largest JSON body `POST /api/stories` accepts (50 steps of 2,000-character captions fit well within it). */
export const STORY_BODY_LIMIT = "512kb";

/** Story ids: like snapshot ids, the first 20 hex digits of a SHA-256 of the canonical content. */
export const storyIdSchema = snapshotIdSchema.describe("a story id: 20 lower-case hex digits");

export const storyStepSchema = z
  .object({
    snapshot: snapshotIdSchema,
    title: z
      .string()
      .trim()
      .min(1, "a step needs a title")
      .max(STORY_TITLE_MAX, `a step title is at most ${STORY_TITLE_MAX} characters`),
    /** Plain text, shown as text (never parsed as HTML). */
    caption: z.string().max(STORY_CAPTION_MAX, `a caption is at most ${STORY_CAPTION_MAX} characters`).default(""),
    /** Evidence ids whose quote, article and date the player shows under the caption. */
    citations: z
      .array(idSchema)
      .max(STORY_MAX_CITATIONS, `a step cites at most ${STORY_MAX_CITATIONS} pieces of evidence`)
      .default([]),
  })
  .strict();

export const createStorySchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "a story needs a title")
      .max(STORY_TITLE_MAX, `a story title is at most ${STORY_TITLE_MAX} characters`),
    steps: z
      .array(storyStepSchema)
      .min(1, "a story has at least one step")
      .max(STORY_MAX_STEPS, `a story has at most ${STORY_MAX_STEPS} steps`),
  })
  .strict();

export type CreateStoryBody = z.output<typeof createStorySchema>;
/** The body as the client sends it (defaults not yet applied). */
export type CreateStoryRequest = z.input<typeof createStorySchema>;
export type StoryStep = z.output<typeof storyStepSchema>;

/** What a story stores (and hashes). */
export const storyPayloadSchema = z.object({
  formatVersion: z.number().int(),
  title: z.string(),
  steps: z.array(
    z.object({ snapshot: z.string(), title: z.string(), caption: z.string(), citations: z.array(z.string()) }),
  ),
});
export type StoryPayload = z.infer<typeof storyPayloadSchema>;

/** `POST /api/stories` (201 when new, 200 when the same story was saved before). */
export const storyCreatedSchema = z.object({ id: z.string(), url: z.string().describe("/stories/<id>") });
export type StoryCreated = z.infer<typeof storyCreatedSchema>;

/** A stored story as `GET /api/stories/:id` returns it, with the cited evidence resolved (quote, article, date). */
export const storyViewSchema = storyPayloadSchema.extend({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  /** The citations of every step by evidence id; an id curated away since is missing here. */
  citations: z.record(z.string(), citationDtoSchema),
});
export type StoryView = z.infer<typeof storyViewSchema>;

/** One row of `GET /api/stories` (recent first). */
export const storySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  stepCount: z.number().int(),
  createdAt: z.string(),
  url: z.string(),
});
export type StorySummary = z.infer<typeof storySummarySchema>;
export const storyListSchema = z.object({ stories: z.array(storySummarySchema) });

/** `GET /api/stories/:id` (`?download=1` sends the stored story as a JSON file). */
export const storyGetQuerySchema = z.object({ download: z.enum(["0", "1"]).default("0") });

/** `DELETE /api/stories/:id`. */
export const storyTakedownSchema = z.object({ id: z.string(), takenDown: z.literal(true), reason: z.string() });
