/**
 * Places routes
 * =============
 *
 * `GET /api/places`: the places and countries of the events within the graph's filters, with coordinates, event
 * counts and the arcs of visits, for the explorer's Map tab.
 */
import { placesDtoSchema } from "../../../contracts/places.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";
import { placesQuerySchema } from "./places.schemas.js";
import { getPlaces } from "./places.service.js";

/** The places routes. */
export function placesRoutes({ db }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/places",
      summary:
        "Places and countries with coordinates and their events within the graph's filters and time window, and visits as arcs from the visitor's country",
      query: { schema: placesQuerySchema, what: "places query" },
      response: placesDtoSchema,
      errors: [400],
      cache: true,
      handler: ({ query }) => getPlaces(db, query),
    }),
  ];
}
