/**
 * Schema
 * ======
 *
 * Applies `cypher/schema.cypher` (constraints, indexes, full-text index); every statement is `IF NOT EXISTS`, so
 * running it at each start is safe. Waits for the indexes to come online before the app serves searches.
 */
import { cypher, splitStatements } from "./cypher.js";
import type { Session } from "neo4j-driver";
import type { Database } from "./database.js";

/**
 * Drops indexes created by an earlier Parley with other options, so that the schema file creates them anew: the
 * full-text index became eventually consistent (an import of a million nodes cannot hold its Lucene updates in one
 * transaction). Rebuilding it takes seconds to minutes, once. Staged nodes were once looked up by id and import id.
 */
async function dropOutdatedIndexes(session: Session): Promise<void> {
  const result = await session.run<{ consistent: boolean | null }>(cypher("queries/db/fulltext-consistency"));
  if (result.records[0]?.get("consistent") === false) await session.run(cypher("queries/db/drop-entity-names"));
  await session.run(cypher("queries/db/drop-staged-id"));
}

/** Creates what is missing of the schema and waits until its indexes are online. */
export async function applySchema(db: Database): Promise<number> {
  const statements = splitStatements(cypher("schema"));
  const session = db.driver.session({ database: db.name });
  try {
    await dropOutdatedIndexes(session);
    // Schema commands cannot share a transaction with each other or with data writes.
    for (const statement of statements) await session.run(statement);
    await session.run(cypher("queries/db/await-indexes"));
  } finally {
    await session.close();
  }
  return statements.length;
}
