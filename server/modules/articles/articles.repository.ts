/**
 * Articles repository
 * ===================
 *
 * Reads article metadata and texts in read transactions.
 */
import type { Record as Neo4jRecord } from "neo4j-driver";
import type { ArticleDto } from "../../../contracts/api.js";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { toJsonMap } from "../../db/values.js";

/** One article by id, or null. */
export async function readArticle(db: Database, id: string): Promise<ArticleDto | null> {
  const rows = await db.read(
    cypher("queries/articles/article"),
    { id },
    (r: Neo4jRecord<{ article: Record<string, unknown> }>) => toJsonMap(r.get("article")),
    {
      timeoutMs: 15_000,
    },
  );
  const a = rows[0];
  if (!a) return null;
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(a.id),
    title: text(a.title) ?? String(a.id),
    publisher: text(a.publisher),
    url: text(a.url),
    published: text(a.published),
    publishedPrecision: text(a.publishedPrecision),
    publishedNote: text(a.publishedNote),
    language: text(a.language) ?? "en",
    file: text(a.file),
    text: text(a.text),
  };
}
