/**
 * Events routes
 * =============
 *
 * `GET /api/events/:id`: an event with its participants and their roles, place, date and precision, topics,
 * agreements produced and evidence.
 */
import { eventDtoSchema } from "../../../contracts/api.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";
import { eventParamsSchema } from "./events.schemas.js";
import { getEvent } from "./events.service.js";

/** The events route. */
export function eventsRoutes({ db }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/events/:id",
      summary: "An event with participants and roles, place, date, topics and evidence",
      params: { schema: eventParamsSchema, what: "event id" },
      response: eventDtoSchema,
      errors: [400, 404],
      handler: ({ params }) => getEvent(db, params.id),
    }),
  ];
}
