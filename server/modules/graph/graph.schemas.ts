/**
 * Graph request schemas
 * =====================
 *
 * Query parameters of `GET /api/graph`: filters by kind, topic, country and participant role, a time window, and
 * the element budget.
 */
import { z } from "zod";
import { partialDateSchema } from "../../../contracts/import-format.js";
import { csvList } from "../../http/validate.js";

const slugList = z.preprocess(
  csvList,
  z
    .array(z.string().regex(/^[a-z0-9][a-z0-9._:-]*$/, "a list of lower-case ids or kinds, comma-separated"))
    .max(200)
    .optional(),
);

export const GRAPH_VIEWS = ["met", "events"] as const;
export type GraphView = (typeof GRAPH_VIEWS)[number];

export function graphQuerySchema(maxBudget: number) {
  return z
    .object({
      view: z.enum(GRAPH_VIEWS).default("met"),
      kinds: slugList,
      eventKinds: slugList,
      topics: slugList,
      countries: slugList,
      roles: slugList,
      from: partialDateSchema.optional(),
      to: partialDateSchema.optional(),
      limit: z.coerce.number().int().min(1).max(maxBudget).default(maxBudget),
      /** Expands one community meta-node of the level-of-detail overview (graph.lod.ts). */
      community: z
        .string()
        .regex(/^[a-z0-9][a-z0-9._:-]*$/, "a community id such as c-001")
        .max(200)
        .optional(),
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
}

export type GraphQuery = z.output<ReturnType<typeof graphQuerySchema>>;

/** First and last day of a partial date (`2018` → 2018-01-01 / 2018-12-31). */
export function dateRange(value: string): { first: string; last: string } {
  const [y, m, d] = value.split("-");
  if (d) return { first: value, last: value };
  if (m) {
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(lastDay).padStart(2, "0")}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}
