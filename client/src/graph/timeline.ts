/**
 * Timeline data
 * =============
 *
 * Month arithmetic and the events-per-month histogram from `/api/timeline`.
 */
import type { TimelineDto } from "../../../contracts/api";

/** `2018-01` → `2018-02` (months as YYYY-MM strings). */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Every month from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last && months.length < 1200; m = nextMonth(m)) months.push(m);
  return months;
}

/** The histogram's bars: every month between the first and last bucket, with zero counts filled in. */
export function fillMonths(timeline: Pick<TimelineDto, "buckets">): { month: string; count: number }[] {
  if (!timeline.buckets.length) return [];
  const byMonth = new Map(timeline.buckets.map((b) => [b.month.slice(0, 7), b.count]));
  const months = [...byMonth.keys()].sort();
  // Start in January and end in December so year ticks line up.
  const first = `${months[0]!.slice(0, 4)}-01`;
  const last = `${months.at(-1)!.slice(0, 4)}-12`;
  return monthRange(first, last).map((month) => ({ month, count: byMonth.get(month) ?? 0 }));
}

/** The last day covered by a time window's `to` month, as the server expects a partial date: the month itself. */
export function windowLabel(from: string | null, to: string | null): string {
  if (!from && !to) return "All time";
  return `${from ?? "…"} – ${to ?? "…"}`;
}
