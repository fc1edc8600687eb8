/**
 * Extraction repository
 * =====================
 *
 * What turning articles into an import reads from the graph: which persons carry a surname, for articles that name
 * someone by surname alone (extraction.surnames.ts), and which texts it already holds, so that they keep their
 * article's id (extraction.identity.ts).
 */
import neo4j, { type Record as Neo4jRecord } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";

/** Surnames the look-up accepts: letters with inner hyphens or apostrophes (safe inside a full-text phrase). */
export const SURNAME = /^\p{Lu}[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*$/u;

/** Person ids by surname, for the surnames that at least one person in the graph carries. */
export async function personsBySurname(db: Database, surnames: string[]): Promise<Map<string, string[]>> {
  const asked = [...new Set(surnames.filter((s) => SURNAME.test(s)))];
  if (!asked.length) return new Map();
  const rows = await db.read(
    cypher("queries/ingest/persons-by-surname"),
    { surnames: asked },
    (r: Neo4jRecord<{ surname: string; ids: string[] }>) => ({
      surname: r.get("surname"),
      ids: r.get("ids"),
    }),
  );
  return new Map(rows.map((r) => [r.surname, r.ids]));
}

/** Article ids by the SHA-256 of their stored text, for the given hashes (the first id when two share one). */
export async function articleIdsBySha256(db: Database, hashes: string[]): Promise<Map<string, string>> {
  if (!hashes.length) return new Map();
  const rows = await db.read(
    cypher("queries/ingest/articles-by-sha256"),
    { hashes: [...new Set(hashes)] },
    (r: Neo4jRecord<{ sha256: string; id: string }>) => ({
      sha256: r.get("sha256"),
      id: r.get("id"),
    }),
  );
  const ids = new Map<string, string>();
  for (const row of rows) if (!ids.has(row.sha256)) ids.set(row.sha256, row.id);
  return ids;
}

/** Article ids by their stored URL or a URL they were fetched from, for the given URLs (the first id when two share one). */
export async function articleIdsByUrl(db: Database, urls: string[]): Promise<Map<string, string>> {
  if (!urls.length) return new Map();
  const rows = await db.read(
    cypher("queries/ingest/articles-by-url"),
    { urls: [...new Set(urls)] },
    (r: Neo4jRecord<{ url: string; id: string }>) => ({
      url: r.get("url"),
      id: r.get("id"),
    }),
  );
  const ids = new Map<string, string>();
  for (const row of rows.sort((a, b) => a.id.localeCompare(b.id))) if (!ids.has(row.url)) ids.set(row.url, row.id);
  return ids;
}

/** Records the URLs articles were fetched from (links other than their own), for `articleIdsByUrl`, in one write. */
export async function recordFetchedFrom(db: Database, rows: { id: string; url: string }[]): Promise<void> {
  if (!rows.length) return;
  await db.writeTx(async (tx) => {
    await tx.run(cypher("queries/ingest/article-fetched-from"), { rows, keep: neo4j.int(10) });
  });
}
