/**
 * Places request schemas
 * ======================
 *
 * Query parameters of `GET /api/places`: the graph's filters and time window (as `GET /api/graph` takes them), and
 * optionally one entity whose events alone are counted (the explorer's selection, highlighted on the map).
 */
import { z } from "zod";
import { ID_PATTERN } from "../../../contracts/ids.js";
import { filterFields, windowFields, windowInOrder } from "../graph/graph.schemas.js";

export const placesQuerySchema = windowInOrder(
  z.object({
    ...filterFields,
    ...windowFields,
    /** Only the events this entity is involved in (took part, held at, about, produced). */
    actor: z.string().regex(ID_PATTERN, "an entity id such as hassan-rouhani").max(200).optional(),
  }),
);

export type PlacesQuery = z.output<typeof placesQuerySchema>;
