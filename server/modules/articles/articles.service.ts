/**
 * Articles service
 * ================
 *
 * Article lookups.
 */
import type { ArticleDto } from "../../../contracts/api.js";
import type { Database } from "../../db/database.js";
import { NotFoundError } from "../../errors.js";
import { readArticle } from "./articles.repository.js";

/** `GET /api/articles/:id`: metadata, and the text when it is stored. */
export async function getArticle(db: Database, id: string): Promise<ArticleDto> {
  const article = await readArticle(db, id);
  if (!article)
    throw new NotFoundError(
      `Articles: no article with id "${id}". Article ids appear in every citation (evidence[].article.id).`,
    );
  return article;
}
