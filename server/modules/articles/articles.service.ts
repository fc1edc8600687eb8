/**
 * Articles service
 * ================
 *
 * Article lookups, database statistics and the timeline histogram.
 */
import type { ArticleDto, StatsDto, TimelineDto } from "../../../contracts/api.js";
import type { Database } from "../../db/database.js";
import { NotFoundError } from "../../errors.js";
import { dateRange } from "../graph/graph.schemas.js";
import { readCounts } from "../ingest/import.repository.js";
import { readArticle, readTimeline } from "./articles.repository.js";
import type { TimelineQuery } from "./articles.schemas.js";

/** `GET /api/articles/:id`: metadata, and the text when it is stored. */
export async function getArticle(db: Database, id: string): Promise<ArticleDto> {
  const article = await readArticle(db, id);
  if (!article)
    throw new NotFoundError(
      `Articles: no article with id "${id}". Article ids appear in every citation (evidence[].article.id).`,
    );
  return article;
}

/** `GET /api/stats`: node counts per label and relationship counts per type. */
export function getStats(db: Database): Promise<StatsDto> {
  return readCounts(db);
}

/**
 * `GET /api/timeline`: events per month within the filters. Year-precise events cannot be placed in a month, so
 * they are counted per year in `years` rather than piled into January.
 */
export async function getTimeline(
  db: Database,
  query: TimelineQuery,
): Promise<TimelineDto & { years: { year: string; count: number }[] }> {
  const rows = await readTimeline(db, {
    from: query.from ? dateRange(query.from).first : null,
    to: query.to ? dateRange(query.to).last : null,
    eventKinds: query.eventKinds ?? null,
    topics: query.topics ?? null,
    kinds: query.kinds ?? null,
    countries: query.countries ?? null,
    roles: query.roles ?? null,
  });
  return {
    buckets: rows.filter((r) => r.precision === "month").map((r) => ({ month: r.bucket!, count: r.count })),
    years: rows.filter((r) => r.precision === "year").map((r) => ({ year: r.bucket!, count: r.count })),
    undated: rows.find((r) => r.precision === "undated")?.count ?? 0,
  };
}
