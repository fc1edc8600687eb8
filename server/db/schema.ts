/**
 * Schema
 * ======
 *
 * Applies `cypher/schema.cypher` (constraints, indexes, full-text index); every statement is `IF NOT EXISTS`, so
 * running it at each start is safe. Waits for the indexes to come online before the app serves searches.
 */
import { cypher, splitStatements } from "./cypher.js";
import type { Database } from "./database.js";

/** Creates what is missing of the schema and waits until its indexes are online. */
export async function applySchema(db: Database): Promise<number> {
  const statements = splitStatements(cypher("schema"));
  const session = db.driver.session({ database: db.name });
  try {
    // Schema commands cannot share a transaction with each other or with data writes.
    for (const statement of statements) await session.run(statement);
    await session.run("CALL db.awaitIndexes(60)");
  } finally {
    await session.close();
  }
  return statements.length;
}
