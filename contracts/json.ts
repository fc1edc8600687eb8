/**
 * JSON values
 * ===========
 *
 * The one `Json` type: what the server's driver-value conversion produces (server/db/values.ts), what snapshots
 * store in attributes and state, what the audit log records, and what the console shows in a cell.
 */
import { z } from "zod";

/** Plain JSON: null, booleans, finite numbers, strings, and lists and maps of them. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Any JSON value (zod's own `z.json()`, typed as `Json`; named `Json` in the OpenAPI document). */
export const jsonSchema: z.ZodType<Json> = z.json().meta({ id: "Json" });
