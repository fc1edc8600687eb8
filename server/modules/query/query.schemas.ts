/**
 * Console request schemas
 * =======================
 *
 * Bodies of `POST /api/query` and `POST /api/saved/:name/run`, and the saved question's name in the path.
 */
import { z } from "zod";
import { MAX_QUERY_LENGTH } from "./query.guard.js";

/** `{query, params}`: the query text (checked for length later, with a message that says how long) and its parameters. */
export const queryBodySchema = z.object({
  query: z
    .string()
    .min(1, "write a Cypher query")
    .max(MAX_QUERY_LENGTH * 2, "the query is far too long"),
  params: z
    .record(z.string().regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, "parameter names are letters, digits and _"), z.unknown())
    .default({}),
});
export type QueryBody = z.output<typeof queryBodySchema>;

/** `{params}` for a saved question; values are coerced to each parameter's declared type. */
export const savedRunBodySchema = z.object({
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type SavedRunBody = z.output<typeof savedRunBodySchema>;

/** The saved question's file name, without `.cypher`. */
export const savedNameSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, "a saved question name such as who-met-actor-between-dates"),
});
