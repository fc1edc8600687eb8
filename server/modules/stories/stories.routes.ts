/**
 * Story routes
 * ============
 *
 * `POST /api/stories` (save a story; protected like every write), `GET /api/stories` (recent),
 * `GET /api/stories/:id` (the story with its citations resolved; `?download=1` sends the stored story as a JSON
 * file, as does `GET /api/stories/:id.json`), and `DELETE /api/stories/:id` (takedown, admin only).
 */
import { storyIdSchema } from "../../../contracts/stories.js";
import {
  STORY_BODY_LIMIT,
  createStorySchema,
  storyCreatedSchema,
  storyGetQuerySchema,
  storyListSchema,
  storyPayloadSchema,
  storyTakedownSchema,
  storyViewSchema,
} from "../../../contracts/stories.js";
import { listQuerySchema, takedownBodySchema } from "../../../contracts/snapshots.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, SENT, defineRoute } from "../../http/route.js";
import { createStory, getStoredStory, getStory, recentStories, takeStoryDown } from "./stories.service.js";

/** The story id of `/stories/:id…`, parsed alone so that a bad one is reported as the id itself. */
const idParam = {
  schema: storyIdSchema,
  what: "story id",
  from: (req: { params: { id?: string } }) => req.params.id,
};

/** Sends the stored story (as saved, without resolved citations) as a JSON download. */
async function sendDownload(db: RouteDeps["db"], id: string, res: import("express").Response): Promise<typeof SENT> {
  const story = await getStoredStory(db, id);
  res.setHeader("Content-Disposition", `attachment; filename="parley-story-${story.id}.json"`);
  res.type("application/json; charset=utf-8").send(JSON.stringify(story, null, 2));
  return SENT;
}

/** The story routes. */
export function storyRoutes({ db }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "post",
      path: "/stories",
      auth: "admin",
      summary: "Save a story (steps of snapshots with titles, captions and citations); the id is a content hash",
      body: { schema: createStorySchema, what: "story", limit: STORY_BODY_LIMIT },
      response: storyCreatedSchema,
      responseStatuses: [201, 200],
      errors: [400, 410],
      handler: async ({ body, res }) => {
        const { id, url, created } = await createStory(db, body);
        res.status(created ? 201 : 200).location(url);
        return { id, url };
      },
    }),
    defineRoute({
      method: "get",
      path: "/stories",
      summary: "Recent stories, newest first",
      query: { schema: listQuerySchema, what: "story list query" },
      response: storyListSchema,
      errors: [400],
      handler: async ({ query }) => ({ stories: await recentStories(db, query.limit) }),
    }),
    defineRoute({
      method: "get",
      path: "/stories/:id.json",
      summary: "The stored story as a JSON download",
      params: idParam,
      response: storyPayloadSchema,
      responseDescription: "The story as saved (Content-Disposition: attachment)",
      errors: [400, 404, 410],
      handler: ({ params, res }) => sendDownload(db, params, res),
    }),
    defineRoute({
      method: "get",
      path: "/stories/:id",
      summary: "A story with its cited evidence resolved (410 when taken down); ?download=1 sends it as a file",
      params: idParam,
      query: { schema: storyGetQuerySchema, what: "story query" },
      response: storyViewSchema,
      errors: [400, 404, 410],
      handler: ({ params, query, res }) => {
        if (query.download === "1") return sendDownload(db, params, res);
        res.setHeader("Cache-Control", "public, max-age=300");
        return getStory(db, params);
      },
    }),
    defineRoute({
      method: "delete",
      path: "/stories/:id",
      summary: "Take a story down (admin): {reason}",
      auth: "admin",
      params: idParam,
      body: {
        schema: takedownBodySchema,
        what: "takedown",
        limit: STORY_BODY_LIMIT,
        optional: true,
        from: (req) => req.body ?? {},
      },
      response: storyTakedownSchema,
      errors: [400, 404],
      handler: async ({ params, body }) => {
        await takeStoryDown(db, params, body.reason);
        return { id: params, takenDown: true as const, reason: body.reason };
      },
    }),
  ];
}
