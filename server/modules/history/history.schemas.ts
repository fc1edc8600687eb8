/**
 * As-of request field
 * ===================
 *
 * `?asOf=YYYY-MM-DD` on the graph, node and diff endpoints: the network as the record stood at the end of that day
 * (UTC). Apart from the history module so that every endpoint's schema can take it without importing the rewind.
 */
import { z } from "zod";

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused, not rolled over into March). */
export const asOfSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "asOf is a day written YYYY-MM-DD, e.g. 2026-03-01")
  .refine(isCalendarDay, {
    message: "asOf is not a real day of the calendar",
  });

function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** The field as the endpoints' query schemas spread it in: empty means today, the present record. */
export const asOfField = { asOf: asOfSchema.optional() };

/** The last instant of an as-of day, UTC, as the ISO text curation changes store their times in. */
export function endOfDay(asOf: string): string {
  return `${asOf}T23:59:59.999Z`;
}
