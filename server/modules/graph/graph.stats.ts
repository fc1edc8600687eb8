/**
 * Graph statistics
 * ================
 *
 * What `GET /api/stats` and `GET /api/timeline` answer about the network as a whole: node counts per label and
 * relationship counts per type, and events per month within the same filters as the overview.
 */
import type { StatsDto, TimelineDto } from "../../../contracts/api.js";
import type { Database } from "../../db/database.js";
import { readCounts } from "../../db/counts.js";
import { type TimelineFilter, readTimeline } from "./graph.repository.js";
import { type TimelineQuery, dateRange } from "./graph.schemas.js";

/** `GET /api/stats`: node counts per label and relationship counts per type. */
export function getStats(db: Database): Promise<StatsDto> {
  return readCounts(db);
}

/** The graph's filters and time window of a request, as the Cypher parameters of an event count (null: no filter). */
export function eventFilterOf(
  query: Partial<Pick<TimelineQuery, "from" | "to" | "eventKinds" | "topics" | "kinds" | "countries" | "roles">>,
): TimelineFilter {
  return {
    from: query.from ? dateRange(query.from).first : null,
    to: query.to ? dateRange(query.to).last : null,
    eventKinds: query.eventKinds ?? null,
    topics: query.topics ?? null,
    kinds: query.kinds ?? null,
    countries: query.countries ?? null,
    roles: query.roles ?? null,
  };
}

/**
 * `GET /api/timeline`: events per month within the filters. Year-precise events cannot be placed in a month, so
 * they are counted per year in `years` rather than piled into January.
 */
export async function getTimeline(db: Database, query: TimelineQuery): Promise<TimelineDto> {
  const rows = await readTimeline(db, eventFilterOf(query));
  return {
    buckets: rows.filter((r) => r.precision === "month").map((r) => ({ month: r.bucket!, count: r.count })),
    years: rows.filter((r) => r.precision === "year").map((r) => ({ year: r.bucket!, count: r.count })),
    undated: rows.find((r) => r.precision === "undated")?.count ?? 0,
  };
}
