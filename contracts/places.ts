/**
 * Map payloads
 * ============
 *
 * What `GET /api/places` answers, shared by the server and the explorer's Map tab: the places and countries where
 * the events within the graph's filters happened, with their coordinates and event counts, and the arcs of visits
 * from the visitor's country to the place visited.
 */
import { z } from "zod";

const count = z.number().int().min(0);

/** Where coordinates came from: the import file, the gazetteer, the place's country (no closer match) or a curator. */
export const GEO_SOURCES = ["import", "gazetteer", "country", "curator"] as const;
export type GeoSource = (typeof GEO_SOURCES)[number];

/** A place or country on the map. */
export const mapPlaceSchema = z.object({
  id: z.string().describe("Application id of the place or country"),
  name: z.string(),
  type: z.enum(["place", "country"]),
  kind: z.string(),
  lat: z.number().describe("Latitude, WGS 84 degrees"),
  lon: z.number().describe("Longitude, WGS 84 degrees"),
  source: z.enum(GEO_SOURCES).nullable().describe("Where the coordinates came from"),
  /** Events within the filters that happened here (0 for a country that only sends visitors). */
  events: count.describe("Events within the filters held here"),
});
export type MapPlace = z.infer<typeof mapPlaceSchema>;

/** Visits from one country to one place, within the filters. */
export const mapArcSchema = z.object({
  from: z.string().describe("The visitor's country (id)"),
  to: z.string().describe("The place visited (id)"),
  events: count.describe("Visits within the filters"),
});
export type MapArc = z.infer<typeof mapArcSchema>;

/** `GET /api/places`. */
export const placesDtoSchema = z.object({
  places: z.array(mapPlaceSchema),
  arcs: z.array(mapArcSchema),
  /** Events within the filters whose place is not known or has no coordinates. */
  unplaced: count.describe("Events within the filters without a place on the map"),
});
export type PlacesDto = z.infer<typeof placesDtoSchema>;
