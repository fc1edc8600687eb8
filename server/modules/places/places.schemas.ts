/**
 * Places request schemas
 * ======================
 *
 * Query parameters of `GET /api/places`: the graph's filters and time window (as `GET /api/graph` takes them), and
 * optionally one entity whose events alone are counted (the explorer's selection, highlighted on the map).
 */
import { z } from "zod";
import { ID_PATTERN } from "../../../contracts/ids.js";
import { partialDateSchema } from "../../../contracts/import-format.js";
import { slugList } from "../graph/graph.schemas.js";

export const placesQuerySchema = z
  .object({
    kinds: slugList,
    eventKinds: slugList,
    topics: slugList,
    countries: slugList,
    roles: slugList,
    from: partialDateSchema.optional(),
    to: partialDateSchema.optional(),
    /** Only the events this entity is involved in (took part, held at, about, produced). */
    actor: z.string().regex(ID_PATTERN, "an entity id such as hassan-rouhani").max(200).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });

export type PlacesQuery = z.output<typeof placesQuerySchema>;
