/**
 * Label counts
 * ============
 *
 * How many nodes carry a label, read from Neo4j's count store: the import writer and curation's screening both ask
 * it inside their transactions, so it lives below both of them. And every label's and relationship type's count,
 * for /api/stats, import summaries and tests.
 */
import type { Integer, ManagedTransaction, Record as Neo4jRecord } from "neo4j-driver";
import { cypher } from "./cypher.js";
import type { Database } from "./database.js";
import { type CountRecord, toNumber } from "./values.js";

/** Labels whose node count the writer asks for (a closed list: they are put into Cypher text). */
export type CountedLabel = "Entity" | "Article" | "Quantity" | "Evidence" | "Rejection";

/** How many nodes carry `label`, from Neo4j's count store (constant time, whatever the size of the database). */
export async function labelCount(tx: ManagedTransaction, label: CountedLabel): Promise<number> {
  const result = await tx.run<CountRecord>(cypher("queries/ingest/label-count", { label }));
  return toNumber(result.records[0]?.get("count"));
}

/** Counts per label and relationship type (for summaries, tests and /api/stats). */
export async function readCounts(
  db: Database,
): Promise<{ labels: Record<string, number>; relationships: Record<string, number> }> {
  const rows = await db.read(
    cypher("queries/ingest/counts"),
    {},
    (r: Neo4jRecord<{ what: string; name: string; count: Integer }>) => ({
      what: r.get("what"),
      name: r.get("name"),
      count: toNumber(r.get("count")),
    }),
  );
  const labels: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const row of rows) (row.what === "label" ? labels : relationships)[row.name] = row.count;
  return { labels, relationships };
}
