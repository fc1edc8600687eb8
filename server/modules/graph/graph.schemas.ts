/**
 * Graph request schemas
 * =====================
 *
 * Query parameters of `GET /api/graph`: filters by kind, topic, country and participant role, a time window, and
 * the element budget.
 */
import { z } from "zod";
import { ID_PATTERN } from "../../../contracts/ids.js";
import { partialDateSchema } from "../../../contracts/import-format.js";
import { DEFAULT_GRAPH_VIEW, GRAPH_VIEWS } from "../../../contracts/vocabulary.js";
import { csvList } from "../../http/validate.js";
import { asOfField } from "../history/history.schemas.js";

export const slugList = z.preprocess(
  csvList,
  z.array(z.string().regex(ID_PATTERN, "a list of lower-case ids or kinds, comma-separated")).max(200).optional(),
);

/** The graph's filters, as every read of the network takes them (graph, timeline, diff, places). */
export const filterFields = {
  kinds: slugList,
  eventKinds: slugList,
  topics: slugList,
  countries: slugList,
  roles: slugList,
};

/** A time window; an event counts when its span overlaps it. */
export const windowFields = { from: partialDateSchema.optional(), to: partialDateSchema.optional() };

/** Refuses a window that ends before it starts. */
export function windowInOrder<T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from must not be after to",
    path: ["from"],
  });
}

export function graphQuerySchema(maxBudget: number) {
  return windowInOrder(
    z.object({
      view: z.enum(GRAPH_VIEWS).default(DEFAULT_GRAPH_VIEW),
      ...filterFields,
      ...windowFields,
      limit: z.coerce.number().int().min(1).max(maxBudget).default(maxBudget),
      /** Expands one community meta-node of the level-of-detail overview (graph.lod.ts). */
      community: z.string().regex(ID_PATTERN, "a community id such as c-001").max(200).optional(),
      ...asOfField,
    }),
  );
}

export type GraphQuery = z.output<ReturnType<typeof graphQuerySchema>>;

/** A period `FROM..TO`, each end a partial date (`2017`, `2017-01`, `2017-01-31`); an event counts when its span overlaps. */
const periodSchema = z
  .string()
  .regex(/^[^.]+\.\.[^.]+$/, "a period is FROM..TO, e.g. 2017-01..2019-12")
  .transform((value) => {
    const [from, to] = value.split("..") as [string, string];
    return { from, to };
  })
  .pipe(
    z
      .object({ from: partialDateSchema, to: partialDateSchema })
      .refine((p) => dateRange(p.from).first <= dateRange(p.to).last, {
        message: "a period must not end before it starts",
      }),
  );

/** Query parameters of `GET /api/diff`: two periods and the graph's filters (the view is always who-met-whom). */
export function diffQuerySchema(maxBudget: number) {
  return z.object({
    a: periodSchema,
    b: periodSchema,
    ...filterFields,
    limit: z.coerce.number().int().min(1).max(maxBudget).default(maxBudget),
    ...asOfField,
  });
}
export type DiffQuery = z.output<ReturnType<typeof diffQuerySchema>>;

/** The timeline takes the same filters as /api/graph; `view` and `limit` are accepted and ignored. */
export const timelineQuerySchema = graphQuerySchema(1_000_000);
export type TimelineQuery = z.output<typeof timelineQuerySchema>;

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
